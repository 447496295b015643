// The dashboard side of the map (a Streamlit st.components.v2 component; see ui/mapview.py). The map itself
// is a plain st.iframe, drawn as soon as Streamlit draws the page; its view travels in the frame address's
// fragment. This component draws nothing: it passes the map's messages on (selections and theme ticks
// become trigger values for Python) and, on a phone, scrolls to the details after a tap.
export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let state = parentElement.mrhMap;
  if (!state) {
    state = parentElement.mrhMap = { pending: null };
    const onMessage = (event) => {
      if (!parentElement.isConnected) { window.removeEventListener("message", onMessage); return; }
      if (event.origin !== window.location.origin || !isMapFrame(event.source, state.src)) { return; }
      const message = event.data || {};
      if (message.type === "mrh:select" && typeof message.rs === "string") {
        clearTimeout(state.retry);
        state.pending = { rs: message.rs, via: message.via, tries: 0 };
        send(state, state.pending);
      } else if (message.type === "mrh:themes" && Array.isArray(message.themes)) {
        state.trigger("themes", message.themes.filter((s) => typeof s === "string"));
      }
    };
    window.addEventListener("message", onMessage);
    // The map may have loaded before this component: let it send a choice made meanwhile again.
    for (const frame of mapFrames(data.src)) {
      frame.contentWindow.postMessage({ type: "mrh:hello" }, window.location.origin);
    }
  }
  state.trigger = setTriggerValue;
  state.src = data.src;
  // A tap on a phone: bring the details (rendered below the map there) into view once they are there.
  const pending = state.pending;
  if (pending && data.view.selected === pending.rs) {
    state.pending = null;
    clearTimeout(state.retry);
    if (pending.via === "touch" || window.innerWidth < 640) {
      scrollToDetails(data.detailsAnchor, 0);
    }
  }
}

// A choice can be lost on its way: while the page reconnects to another instance (its own died), the
// trigger reaches a session that has not run yet and has no callbacks. So a choice not confirmed by a run
// (the view with it selected) within RETRY_MS is sent again, twice at most; sending it again is harmless.
const RETRY_MS = 3000;
const RETRIES = 2;

function send(state, pending) {
  state.trigger("select", pending.rs);
  state.retry = setTimeout(() => {
    if (state.pending === pending && pending.tries < RETRIES) {
      pending.tries += 1;
      send(state, pending);
    }
  }, RETRY_MS);
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
