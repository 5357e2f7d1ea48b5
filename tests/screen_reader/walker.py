"""Read a running application through AT-SPI, as a Linux screen reader (Orca) does.

This script runs with Debian's own ``/usr/bin/python3`` and its
``python3-pyatspi`` (the GObject bindings of libatspi that Orca uses), not
in the project's virtual environment, so it imports nothing from the
project. The test drives it over stdin/stdout, one JSON object a line:

    {"cmd": "find_app", "name": "...", "timeout": 20}
    {"cmd": "read"}                       every node, in tree (reading) order
    {"cmd": "act", "name": "...", "role": "push button", "action": "Press"}
    {"cmd": "listen", "events": ["object:announcement"]}
    {"cmd": "events", "wait": 0.5}        the events heard since the last call
    {"cmd": "quit"}

Each answer is ``{"ok": true, ...}`` or ``{"ok": false, "error": "..."}``.
Nothing is cached between reads: libatspi's cache is cleared before each one,
so a read sees what a screen reader that was just told "something changed"
would see. Locales are asked of the application over D-Bus each time
(libatspi keeps the first answer for an object's lifetime).
"""

from __future__ import annotations

import json
import sys
import time
import traceback

import pyatspi
from gi.repository import Atspi, Gio, GLib

#: States worth reporting (Orca decides what to speak from these).
STATES = {
    pyatspi.STATE_SHOWING: "showing",
    pyatspi.STATE_VISIBLE: "visible",
    pyatspi.STATE_FOCUSABLE: "focusable",
    pyatspi.STATE_FOCUSED: "focused",
    pyatspi.STATE_SENSITIVE: "sensitive",
    pyatspi.STATE_CHECKED: "checked",
    pyatspi.STATE_PRESSED: "pressed",
    pyatspi.STATE_MODAL: "modal",
}
MAX_DEPTH = 40


class Walker:
    def __init__(self) -> None:
        self.app = None
        self.heard: list[dict] = []
        self._bus: Gio.DBusConnection | None = None

    # -- commands -----------------------------------------------------------

    def find_app(self, name: str, timeout: float = 20.0) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            desktop = Atspi.get_desktop(0)
            for index in range(desktop.get_child_count()):
                app = desktop.get_child_at_index(index)
                if app is not None and app.get_name() == name and app.get_child_count() > 0:
                    self.app = app
                    return {"toolkit": app.get_toolkit_name(), "locale": self._locale(app)}
            self._pump(0.2)
        raise LookupError(f"no application named {name!r} on the accessibility bus")

    def read(self) -> dict:
        app = self._app()
        app.clear_cache()
        nodes: list[dict] = []
        self._walk(app, [], nodes)
        return {"locale": self._locale(app), "nodes": nodes}

    def act(self, name: str, role: str | None = None, action: str = "Press") -> dict:
        app = self._app()
        app.clear_cache()
        found = self._find(app, name, role)
        if found is None:
            raise LookupError(f"no showing {role or 'node'} named {name!r}")
        count = found.get_n_actions()
        names = [found.get_action_name(i) for i in range(count)]
        if action not in names:
            raise LookupError(f"{name!r} has no action {action!r} (it has {names})")
        done = found.do_action(names.index(action))
        return {"done": bool(done)}

    def listen(self, events: list[str]) -> dict:
        for kind in events:
            pyatspi.Registry.registerEventListener(self._on_event, kind)
        self._pump(0.3)  # let the application learn that someone listens
        return {}

    def events(self, wait: float = 0.5) -> dict:
        self._pump(wait)
        heard, self.heard = self.heard, []
        return {"events": heard}

    # -- helpers ------------------------------------------------------------

    def _app(self):
        if self.app is None:
            raise LookupError("no application: send find_app first")
        return self.app

    def _on_event(self, event) -> None:
        source = event.source
        try:
            data = event.any_data
            text = data if isinstance(data, str) else (data.get_name() if data else "")
        except Exception:  # an object gone by now
            text = ""
        self.heard.append(
            {
                "type": event.type,
                "detail1": event.detail1,
                "detail2": event.detail2,
                "text": text,
                "source_role": source.get_role_name() if source else "",
                "source_name": source.get_name() if source else "",
            }
        )

    @staticmethod
    def _pump(seconds: float) -> None:
        context = GLib.MainContext.default()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if not context.iteration(False):
                time.sleep(0.01)

    def _a11y_bus(self) -> Gio.DBusConnection:
        if self._bus is None:
            session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
            reply = session.call_sync(
                "org.a11y.Bus",
                "/org/a11y/bus",
                "org.a11y.Bus",
                "GetAddress",
                None,
                GLib.VariantType("(s)"),
                Gio.DBusCallFlags.NONE,
                5000,
                None,
            )
            flags = (
                Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT
                | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION
            )
            self._bus = Gio.DBusConnection.new_for_address_sync(
                reply.unpack()[0], flags, None, None
            )
        return self._bus

    def _locale(self, node) -> str:
        """The locale the application gives for ``node`` now (Application.GetLocale for
        the application itself, the Accessible's Locale property for any other node)."""
        bus = self._a11y_bus()
        name, path = node.app.bus_name, node.path
        if node.get_role() == Atspi.Role.APPLICATION:
            args = ("org.a11y.atspi.Application", "GetLocale", GLib.Variant("(u)", (0,)))
        else:
            args = (
                "org.freedesktop.DBus.Properties",
                "Get",
                GLib.Variant("(ss)", ("org.a11y.atspi.Accessible", "Locale")),
            )
        try:
            reply = bus.call_sync(name, path, *args, None, Gio.DBusCallFlags.NONE, 5000, None)
        except GLib.Error:
            return ""
        return str(reply.unpack()[0])

    def _walk(self, node, path: list[int], out: list[dict]) -> None:
        if node is None or len(path) > MAX_DEPTH:
            return
        states = node.get_state_set()
        entry = {
            "path": path,
            "role": node.get_role_name(),
            "name": node.get_name() or "",
            "description": node.get_description() or "",
            "states": [label for state, label in STATES.items() if states.contains(state)],
            "text": None,
            "actions": [],
        }
        interfaces = node.get_interfaces()
        if "Text" in interfaces:
            entry["text"] = node.get_text(0, -1)
            entry["locale"] = self._locale(node)
        if "Action" in interfaces:
            entry["actions"] = [node.get_action_name(i) for i in range(node.get_n_actions())]
        if "Value" in interfaces:
            entry["value"] = node.get_current_value()
        out.append(entry)
        for index in range(node.get_child_count()):
            self._walk(node.get_child_at_index(index), [*path, index], out)

    def _find(self, node, name: str, role: str | None):
        if node is None:
            return None
        states = node.get_state_set()
        if (
            node.get_name() == name
            and (role is None or node.get_role_name() == role)
            and states.contains(pyatspi.STATE_SHOWING)
        ):
            return node
        for index in range(node.get_child_count()):
            found = self._find(node.get_child_at_index(index), name, role)
            if found is not None:
                return found
        return None


def main() -> int:
    walker = Walker()
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        command = request.pop("cmd")
        if command == "quit":
            break
        try:
            answer = {"ok": True, **getattr(walker, command)(**request)}
        except Exception as error:  # report it to the test, keep serving
            answer = {"ok": False, "error": f"{type(error).__name__}: {error}"}
            traceback.print_exc(file=sys.stderr)
        sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
