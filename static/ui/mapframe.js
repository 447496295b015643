// The dashboard side of the map (a Streamlit st.components.v2 component; see ui/mapview.py). The map itself
// is a plain st.iframe, drawn as soon as Streamlit draws the page; its view travels in the frame address's
// fragment. This component draws nothing: it passes the map's messages on (selections and theme ticks
// become trigger values for Python, sent again until a run confirms them: resend.js) and, on a phone,
// scrolls to the details after a tap.
export default function (component) {
  const { data, parentElement, send } = component;
  let state = parentElement.mrhMap;
  if (!state) {
    state = parentElement.mrhMap = { tapped: null };
    const onMessage = (event) => {
      if (!parentElement.isConnected) { window.removeEventListener("message", onMessage); return; }
      if (event.origin !== window.location.origin || !isMapFrame(event.source, state.src)) { return; }
      const message = event.data || {};
      if (message.type === "mrh:select" && typeof message.rs === "string") {
        const rs = message.rs;
        state.tapped = { rs, via: message.via };
        state.send("select", rs, (d) => d.view.partner === rs);
      } else if (message.type === "mrh:themes" && Array.isArray(message.themes)) {
        const themes = message.themes.filter((s) => typeof s === "string");
        state.send("themes", themes, (d) => sameSet(d.view.themes, themes));
      }
    };
    window.addEventListener("message", onMessage);
    // The map may have loaded before this component: let it send a choice made meanwhile again.
    for (const frame of mapFrames(data.src)) {
      frame.contentWindow.postMessage({ type: "mrh:hello" }, window.location.origin);
    }
  }
  state.send = send;
  state.src = data.src;
  // A tap on a phone: bring the details (rendered below the map there) into view once they are there.
  const tapped = state.tapped;
  if (tapped && data.view.partner === tapped.rs) {
    state.tapped = null;
    if (tapped.via === "touch" || window.innerWidth < 640) {
      scrollToDetails(data.detailsAnchor, 0);
    }
  }
}

function sameSet(a, b) {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function mapFrames(src) {
  const path = new URL(src, window.location.href).pathname;
  return Array.from(document.querySelectorAll("iframe")).filter(
    (frame) => frame.contentWindow && new URL(frame.src, window.location.href).pathname === path,
  );
}

function isMapFrame(source, src) {
  return mapFrames(src).some((frame) => frame.contentWindow === source);
}

function scrollToDetails(anchorId, attempt) {
  const anchor = document.getElementById(anchorId);
  if (anchor) {
    anchor.scrollIntoView({ behavior: "smooth", block: "start" });
  } else if (attempt < 40) {
    setTimeout(() => scrollToDetails(anchorId, attempt + 1), 50);
  }
}
