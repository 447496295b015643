// "Link zu dieser Ansicht": the link in a read-only field and a button that copies it (no code block,
// no syntax highlighter). Optionally a second field with an <iframe> snippet for embedding.
export default function (component) {
  const { data, parentElement } = component;
  let box = parentElement.querySelector(".mrh-share");
  if (!box) {
    box = document.createElement("div");
    box.className = "mrh-share";
    parentElement.appendChild(box);
  }
  box.textContent = "";
  (data.fields || []).forEach((field, index) => {
    const row = document.createElement("div");
    row.className = "mrh-share-row";
    const id = "mrh-share-" + index;
    const label = document.createElement("label");
    label.setAttribute("for", id);
    label.textContent = field.label;
    const input = document.createElement(field.multiline ? "textarea" : "input");
    input.id = id;
    input.readOnly = true;
    input.value = field.value;
    if (field.multiline) { input.rows = 3; }
    input.addEventListener("focus", () => input.select());
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = field.copy || data.copy;
    const status = document.createElement("span");
    status.className = "mrh-share-status";
    status.setAttribute("role", "status");
    button.addEventListener("click", async () => {
      let done = false;
      try {
        await navigator.clipboard.writeText(field.value);
        done = true;
      } catch (error) {
        input.select();
        try { done = document.execCommand("copy"); } catch (ignored) { done = false; }
      }
      status.textContent = done ? data.copied : data.select;
    });
    const line = document.createElement("div");
    line.className = "mrh-share-line";
    line.appendChild(input);
    line.appendChild(button);
    row.appendChild(label);
    row.appendChild(line);
    row.appendChild(status);
    box.appendChild(row);
  });
}
