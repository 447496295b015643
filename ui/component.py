"""Our st.components.v2 components, loaded from static files so that a rerun sends only their data.

Streamlit sends a component's inline JavaScript and CSS with every script run. Each of ours is therefore
a one-line loader: it imports the real module from ``static/ui/<name>.js`` (served at ``/app/static/ui/``,
versioned by content hash so a change is never masked by a cache) and its stylesheet, if it has one, is
linked into the component's shadow root. Per run only ``data`` travels. Every component gets ``send``
(``static/ui/resend.js``): its choices are sent again until a run confirms them, so that none is lost
while the page reconnects to another instance.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import streamlit as st

from geo.data.paths import STATIC_UI

LOADER = """
export default async function (component) {
  const { data, parentElement } = component;
  const { url, css, resend } = data.__module;
  if (css && !parentElement.querySelector("link[data-mrh]")) {
    const link = document.createElement("link");
    link.rel = "stylesheet"; link.href = new URL(css, window.location.href).href; link.setAttribute("data-mrh", "");
    parentElement.appendChild(link);
  }
  // the loader itself runs from a blob: URL, so the modules' addresses must be absolute
  const [module, choices] = await Promise.all([url, resend].map((u) => import(new URL(u, window.location.href).href)));
  return module.default({ ...component, send: choices.sender(component) });
}
"""


def with_base_path(url: str) -> str:
    """Prefix a root-relative URL with ``server.baseUrlPath`` (e.g. behind a reverse proxy)."""
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}{url}" if base and url.startswith("/") else url


def _version(name: str) -> str:
    files = [STATIC_UI / f"{name}.js", STATIC_UI / f"{name}.css"]
    content = b"".join(path.read_bytes() for path in files if path.exists())
    return hashlib.sha256(content).hexdigest()[:12]


def static_component(name: str) -> Callable[..., Any]:
    """A mount function for ``static/ui/<name>.js`` (and ``<name>.css``, if there is one); it adds the
    module's URLs to ``data``."""
    mount = st.components.v2.component(f"mrh_{name}", js=LOADER)
    version = _version(name)
    resend = _version("resend")
    styled = (STATIC_UI / f"{name}.css").exists()

    def render(data: dict[str, Any], **kwargs: Any) -> Any:
        module = {
            "url": with_base_path(f"/app/static/ui/{name}.js?v={version}"),
            "css": with_base_path(f"/app/static/ui/{name}.css?v={version}") if styled else None,
            "resend": with_base_path(f"/app/static/ui/resend.js?v={resend}"),
        }
        return mount(data={**data, "__module": module}, **kwargs)

    return render
