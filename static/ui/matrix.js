// Themen-Übersicht: partners × themes as a real table. A partner's name selects it (trigger "select"),
// a theme's header sets the filter to that theme (trigger "theme"). Marks are text ("●" with a hidden
// "ja"), so screen readers read them; totals per row and column. Choices are sent again until a run
// confirms them (resend.js).
export default function (component) {
  const { data, parentElement, send } = component;
  let wrap = parentElement.querySelector(".mrh-matrix");
  if (!wrap) {
    wrap = document.createElement("div");
    wrap.className = "mrh-matrix";
    wrap.tabIndex = 0;  // scrollable region reachable by keyboard on a phone
    wrap.setAttribute("role", "region");
    parentElement.appendChild(wrap);
  }
  wrap.setAttribute("aria-label", data.caption);
  wrap.textContent = "";
  const table = document.createElement("table");
  const caption = document.createElement("caption");
  caption.textContent = data.caption;
  table.appendChild(caption);
  const head = table.createTHead().insertRow();
  const corner = document.createElement("th");
  corner.scope = "col";
  corner.textContent = data.partnerLabel;
  head.appendChild(corner);
  data.columns.forEach((column) => {
    const th = document.createElement("th");
    th.scope = "col";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = column.label;
    button.title = data.filterBy + " " + column.label;
    if (data.themes.indexOf(column.slug) >= 0) { button.setAttribute("aria-pressed", "true"); }
    button.addEventListener("click", () => send("theme", column.slug, (d) => d.themes.join() === column.slug));
    th.appendChild(button);
    head.appendChild(th);
  });
  const total = document.createElement("th");
  total.scope = "col";
  total.textContent = data.total;
  head.appendChild(total);
  const body = table.createTBody();
  data.rows.forEach((row) => {
    const tr = body.insertRow();
    if (row.rs === data.partner) { tr.className = "mrh-selected"; tr.setAttribute("aria-current", "true"); }
    const th = document.createElement("th");
    th.scope = "row";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = row.name;
    button.addEventListener("click", () => send("select", row.rs, (d) => d.partner === row.rs));
    th.appendChild(button);
    tr.appendChild(th);
    row.marks.forEach((mark) => {
      const td = tr.insertCell();
      if (mark) {
        const dot = document.createElement("span");
        dot.setAttribute("aria-hidden", "true");
        dot.textContent = "●";
        const said = document.createElement("span");
        said.className = "mrh-sr";
        said.textContent = data.yes;
        td.appendChild(dot);
        td.appendChild(said);
      }
    });
    const sum = tr.insertCell();
    sum.className = "mrh-sum";
    sum.textContent = String(row.total);
  });
  const foot = table.createTFoot().insertRow();
  const label = document.createElement("th");
  label.scope = "row";
  label.textContent = data.total;
  foot.appendChild(label);
  data.columns.forEach((column) => {
    const td = foot.insertCell();
    td.className = "mrh-sum";
    td.textContent = String(column.count);
  });
  foot.insertCell();
  wrap.appendChild(table);
}
