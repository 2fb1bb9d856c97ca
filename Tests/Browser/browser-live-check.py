#!/usr/bin/env python3
"""The page's script in a real browser: headless Chromium driven over the DevTools protocol (on a
pipe, so nothing but the standard library is needed) checks that the page goes live, that editing
the sample data re-renders the step, that the email toggles work, and that saving a partial in the
project updates an open page without a reload.

usage: browser-live-check.py CHROMIUM BASE_URL PROJECT_DIR
"""
import json
import os
import subprocess
import sys
import time

chromium, base, project = sys.argv[1:4]


class Browser:
    def __init__(self):
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        os.set_inheritable(to_chrome_r, True)
        os.set_inheritable(from_chrome_w, True)

        def fds():
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--mute-audio",
             "--remote-debugging-pipe", "--window-size=1280,900", "about:blank"],
            preexec_fn=fds, pass_fds=(3, 4, to_chrome_r, from_chrome_w),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.next_id = 0
        self.buffer = b""
        self.session = None

    def send(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self.buffer:
                chunk = os.read(self.from_chrome, 65536)
                if not chunk:
                    sys.exit("browser-live-check: FAILED: Chromium closed the pipe")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    sys.exit(f"browser-live-check: FAILED: {method}: {answer['error']}")
                return answer.get("result", {})

    def open(self, url):
        target = self.send("Target.createTarget", {"url": url}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]

    def js(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            sys.exit(f"browser-live-check: FAILED: {expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait(self, expression, what, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.js(expression):
                print(f"browser-live-check: {what}")
                return
            time.sleep(0.05)
        sys.exit(f"browser-live-check: FAILED: {what} (waited {timeout} s for: {expression})")

    def close(self):
        self.process.kill()


browser = Browser()
try:
    browser.open(f"{base}/?workflow=mention&step=email_1")
    browser.wait("document.querySelector('#live')?.dataset.state === 'live'", "the page is live (event stream open)")

    # The email toggles, when the renderer produced an email.
    if browser.js("!!document.querySelector('.email')"):
        browser.js("document.querySelector('[data-set=device][data-value=mobile]').click()")
        browser.wait("document.querySelector('.email').dataset.device === 'mobile'", "the mobile toggle switches the email width")
        browser.js("document.querySelector('[data-set=device][data-value=desktop]').click()")

    # Editing the sample data re-renders the step with it.
    browser.js("""(() => { const t = document.querySelector('#sample'); const s = JSON.parse(t.value);
        s.recipient = Object.assign({}, s.recipient, {name: 'Grace <Hopper>'}); t.value = JSON.stringify(s, null, 2);
        t.dispatchEvent(new Event('input', {bubbles: true})); })()""")
    browser.wait("document.querySelector('#stage')?.dataset.custom === 'true'", "editing the sample re-renders the step")
    browser.js("""(() => { const t = document.querySelector('#sample'); t.value = '{ not json';
        t.dispatchEvent(new Event('input', {bubbles: true})); })()""")
    browser.wait("document.querySelector('#sample-status').classList.contains('bad')", "bad JSON in the sample is reported")

    # Saving a partial updates an open partial page, without a reload.
    browser.open(f"{base}/?partial=button")
    browser.wait("document.querySelector('#live')?.dataset.state === 'live'", "the partial page is live")
    browser.js("window.__notReloaded = true")
    path = os.path.join(project, "partials", "button", "content.html")
    with open(path, encoding="utf-8") as f:
        original = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(original.replace("{{ label }}", "{{ label }} SAVED-IN-EDITOR"))
    browser.wait("window.__notReloaded && [...document.querySelectorAll('iframe, .source')].some(e => "
                 "(e.getAttribute('srcdoc') || e.textContent).includes('SAVED-IN-EDITOR'))",
                 "saving the partial updated the open page")
    browser.wait("!document.querySelector('#toast').hidden", "the page announced the change")

    # And an open email that uses the partial is re-rendered (when the channel renderer makes emails).
    browser.open(f"{base}/?workflow=mention&step=email_1")
    browser.wait("document.querySelector('#live')?.dataset.state === 'live'", "the workflow page is live")
    if browser.js("!!document.querySelector('.email-frame')"):
        with open(path, "w", encoding="utf-8") as f:
            f.write(original.replace("{{ label }}", "{{ label }} SECOND-SAVE"))
        browser.wait("(document.querySelector('.email-frame')?.getAttribute('srcdoc') || '').includes('SECOND-SAVE')",
                     "saving the partial re-rendered the open email")
finally:
    browser.close()
