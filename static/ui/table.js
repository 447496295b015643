// The partner table as a real HTML table (caption, column headers) – no data grid bundle for 12 rows.
// The name in each row is a button: choosing it selects the partner (trigger "select", sent again until a
// run confirms it: resend.js); the selected row is marked (aria-current) and highlighted. Columns listed in
// data.german hold German text on an English page (names, Teilprojekt titles): they say so (lang="de") for
// screen readers and translators.
// A row with a note (a partner without a documented Teilprojekt) shows that one line across its other cells.
export default function (component) {
  const { data, parentElement, send } = component;
  let wrap = parentElement.querySelector(".mrh-table");
  if (!wrap) {
    wrap = document.createElement("div");
    wrap.className = "mrh-table";
    parentElement.appendChild(wrap);
  }
  wrap.textContent = "";
  const table = document.createElement("table");
  const caption = document.createElement("caption");
  caption.textContent = data.caption;
  table.appendChild(caption);
  const head = table.createTHead().insertRow();
  data.columns.forEach((name) => {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = name;
    head.appendChild(th);
  });
  const body = table.createTBody();
  data.rows.forEach((row) => {
    const tr = body.insertRow();
    const selected = row.rs === data.partner;
    if (selected) { tr.className = "mrh-selected"; tr.setAttribute("aria-current", "true"); }
    row.cells.forEach((value, index) => {
      const cell = index === 0 ? document.createElement("th") : tr.insertCell();
      if ((data.german || []).includes(index)) { cell.lang = "de"; }
      if (index === 0) {
        cell.scope = "row";
        tr.appendChild(cell);
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = value;
        button.title = data.choose;
        button.addEventListener("click", () => send("select", row.rs, (d) => d.partner === row.rs));
        cell.appendChild(button);
      } else if (row.note) {
        if (index === 1) {
          cell.colSpan = row.cells.length - 1;
          cell.removeAttribute("lang");
          cell.className = "mrh-missing mrh-note";
          const note = document.createElement("span");
          note.textContent = row.note;
          cell.appendChild(note);
        } else {
          cell.remove();
        }
      } else {
        cell.textContent = value;
        if (row.missing && row.missing[index]) { cell.className = "mrh-missing"; }
      }
    });
  });
  wrap.appendChild(table);
}
