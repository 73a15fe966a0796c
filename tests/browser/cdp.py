"""A minimal Chrome DevTools Protocol client over --remote-debugging-pipe (Python stdlib only).

Chromium reads NUL-terminated JSON messages on fd 3 and writes them on fd 4; no WebSocket,
no port, no third-party package. Used by the review page's browser tests.
"""

import json
import os
import shutil
import subprocess
import tempfile
import threading
import time

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-dev-shm-usage",
    "--mute-audio",
    "--remote-debugging-pipe",
]


def find_chromium():
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


class Browser:
    """One headless Chromium with a fresh profile; `page()` attaches to its first tab."""

    def __init__(self, exe=None, width=1280, height=900):
        exe = exe or find_chromium()
        if not exe:
            raise RuntimeError("chromium not found (apt-get install -y chromium)")
        self.profile = tempfile.mkdtemp(prefix="claimex-chromium-")
        to_chrome_r, self._w = os.pipe()
        self._r, from_chrome_w = os.pipe()
        # Chromium expects the pipe on fds 3 (its input) and 4 (its output).
        # (close_fds would run after preexec_fn and close them again: it stays off.)
        def setup():
            os.dup2(to_chrome_r, 250)
            os.dup2(from_chrome_w, 251)
            os.dup2(250, 3)
            os.dup2(251, 4)
            os.close(250)
            os.close(251)
        self.proc = subprocess.Popen(
            [exe, *FLAGS, f"--user-data-dir={self.profile}", f"--window-size={width},{height}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=setup, close_fds=False,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._next = 0
        self._lock = threading.Lock()
        self._results = {}
        self._cond = threading.Condition()
        self.events = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        buf = b""
        while True:
            try:
                chunk = os.read(self._r, 1 << 20)
            except OSError:
                break
            if not chunk:
                break
            buf += chunk
            while b"\0" in buf:
                msg, buf = buf.split(b"\0", 1)
                m = json.loads(msg)
                with self._cond:
                    if "id" in m:
                        self._results[m["id"]] = m
                    else:
                        self.events.append(m)
                    self._cond.notify_all()

    def send(self, method, params=None, session=None, timeout=60):
        with self._lock:
            self._next += 1
            mid = self._next
        msg = {"id": mid, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._w, json.dumps(msg).encode() + b"\0")
        deadline = time.time() + timeout
        with self._cond:
            while mid not in self._results:
                left = deadline - time.time()
                if left <= 0:
                    raise TimeoutError(method)
                self._cond.wait(left)
            m = self._results.pop(mid)
        if "error" in m:
            raise RuntimeError(f"{method}: {m['error']}")
        return m.get("result", {})

    def wait_event(self, method, timeout=60, session=None):
        deadline = time.time() + timeout
        with self._cond:
            while True:
                for k, e in enumerate(self.events):
                    if e.get("method") == method and (session is None or e.get("sessionId") == session):
                        return self.events.pop(k)
                left = deadline - time.time()
                if left <= 0:
                    raise TimeoutError(method)
                self._cond.wait(left)

    def page(self):
        targets = self.send("Target.getTargets")["targetInfos"]
        tid = next(t["targetId"] for t in targets if t["type"] == "page")
        sid = self.send("Target.attachToTarget", {"targetId": tid, "flatten": True})["sessionId"]
        return Page(self, sid)

    def close(self):
        try:
            self.send("Browser.close", timeout=10)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self._w)
        shutil.rmtree(self.profile, ignore_errors=True)

    def rss_kib(self):
        """Resident memory of Chromium and its child processes, in KiB (from /proc)."""
        kids = {}
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                with open(f"/proc/{pid}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                kids.setdefault(ppid, []).append(int(pid))
            except (OSError, ValueError, IndexError):
                continue
        total, todo = 0, [self.proc.pid]
        while todo:
            p = todo.pop()
            todo.extend(kids.get(p, []))
            try:
                with open(f"/proc/{p}/status") as f:
                    for line in f:
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1])
            except OSError:
                pass
        return total


class Page:
    def __init__(self, browser, session):
        self.b = browser
        self.s = session

    def send(self, method, params=None, timeout=120):
        return self.b.send(method, params, session=self.s, timeout=timeout)

    def events(self, method):
        return [e for e in self.b.events if e.get("method") == method and e.get("sessionId") == self.s]

    def eval(self, expr, timeout=120):
        r = self.send("Runtime.evaluate", {"expression": expr, "returnByValue": True, "awaitPromise": True}, timeout)
        if "exceptionDetails" in r:
            raise RuntimeError(f"JS error: {r['exceptionDetails']}")
        return r["result"].get("value")

    def navigate(self, url, timeout=300):
        self.send("Page.navigate", {"url": url})
        self.b.wait_event("Page.loadEventFired", timeout, session=self.s)

    def wait_for(self, expr, timeout=120):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.eval(expr):
                return True
            time.sleep(0.05)
        raise TimeoutError(expr)

    def key(self, key, code=None):
        for t in ("keyDown", "keyUp"):
            p = {"type": t, "key": key, "code": code or ("Key" + key.upper() if len(key) == 1 and key.isalpha() else key)}
            if t == "keyDown" and len(key) == 1:
                p["text"] = key
            self.send("Input.dispatchKeyEvent", p)

    def screenshot(self, path, width=1280, height=900, mobile=False):
        import base64
        self.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
        time.sleep(0.3)
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
