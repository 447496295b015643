// The dashboard side of the map (a Streamlit st.components.v2 component; see mapview.py).
// It holds one frame with the map document and passes messages: the view in, selections and filters out.
export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let box = parentElement.querySelector(".mrh-map");
  if (!box) {
    box = document.createElement("div");
    box.className = "mrh-map";
    const frame = document.createElement("iframe");
    frame.title = data.title;
    frame.setAttribute("allow", "fullscreen");
    box.appendChild(frame);
    parentElement.appendChild(box);
    box.state = { ready: false, pending: null };
    const onMessage = (event) => {
      if (!box.isConnected) { window.removeEventListener("message", onMessage); return; }
      if (event.source !== frame.contentWindow || event.origin !== window.location.origin) { return; }
      const message = event.data || {};
      if (message.type === "mrh:ready") {
        box.state.ready = true;
        send(box);
      } else if (message.type === "mrh:select" && typeof message.rs === "string") {
        box.state.pending = { rs: message.rs, via: message.via };
        box.state.trigger("select", message.rs);
      } else if (message.type === "mrh:themes" && Array.isArray(message.themes)) {
        box.state.trigger("themes", message.themes.filter((s) => typeof s === "string"));
      }
    };
    window.addEventListener("message", onMessage);
  }
  const frame = box.querySelector("iframe");
  box.state.trigger = setTriggerValue;
  box.state.view = data.view;
  frame.title = data.title;
  if (frame.getAttribute("src") !== data.src) {
    box.state.ready = false;
    frame.setAttribute("src", data.src);
  }
  send(box);
  // A tap on a phone: bring the details (rendered below the map there) into view once they are there.
  const pending = box.state.pending;
  if (pending && data.view.selected === pending.rs) {
    box.state.pending = null;
    if (pending.via === "touch" || window.innerWidth < 640) {
      scrollToDetails(data.detailsAnchor, 0);
    }
  }
}

function send(box) {
  const frame = box.querySelector("iframe");
  if (box.state.ready && frame.contentWindow) {
    frame.contentWindow.postMessage({ type: "mrh:view", view: box.state.view }, window.location.origin);
  }
}

function scrollToDetails(anchorId, attempt) {
  const anchor = document.getElementById(anchorId);
  if (anchor) {
    anchor.scrollIntoView({ behavior: "smooth", block: "start" });
  } else if (attempt < 40) {
    setTimeout(() => scrollToDetails(anchorId, attempt + 1), 50);
  }
}
