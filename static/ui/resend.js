// Choices that are not lost while the page reconnects. When the instance holding the page's session dies,
// the page reconnects to another one (behind nginx); a trigger sent meanwhile is dropped, or reaches a
// session that has not run yet and has no callbacks. So every component sends its choices through send():
// a choice that no run confirms within RETRY_MS is sent again, twice at most. Sending it again is harmless:
// every trigger of ours sets a value (a partner, a list of themes), none toggles.
// The loader (ui/component.py) makes one sender per run and hands it to the component as `send`.
const RETRY_MS = 3000;
const RETRIES = 2;

// component: what Streamlit passes on this run. Returns send(event, value, confirmed), where
// confirmed(data) says whether a run's data shows the choice made.
export function sender(component) {
  const { data, parentElement, setTriggerValue } = component;
  let state = parentElement.mrhResend;
  if (!state) { state = parentElement.mrhResend = { pending: new Map() }; }
  state.trigger = setTriggerValue;  // a later run's, when a choice is sent again
  state.data = data;
  for (const [event, choice] of state.pending) {
    if (choice.confirmed(data)) { forget(state, event); }
  }
  return function send(event, value, confirmed) {
    forget(state, event);
    state.trigger(event, value);
    if (confirmed(state.data)) { return; }  // nothing to wait for: the page shows it already
    const choice = { confirmed, tries: 0 };
    const again = () => {
      if (state.pending.get(event) !== choice || choice.tries >= RETRIES) { return; }
      choice.tries += 1;
      state.trigger(event, value);
      choice.timer = setTimeout(again, RETRY_MS);
    };
    choice.timer = setTimeout(again, RETRY_MS);
    state.pending.set(event, choice);
  };
}

function forget(state, event) {
  const choice = state.pending.get(event);
  if (choice) { clearTimeout(choice.timer); state.pending.delete(event); }
}
