#!/usr/bin/env python3
"""The sioconf benchmark harness (issue 8, part 3), run by bench/run.

Starts each server under test on 127.0.0.1, one after the other (never two at once), drives it
with the same `sioconf load` runs, and writes results.json, table.md, plot.svg and COMMAND.md.
Every figure comes from the load mode's --json summary or from /proc of the server process;
nothing is estimated. A server that cannot complete a run gets that run recorded as failed,
with its reason; the harness goes on.

Per server, in this order:
  1. start; for netty-socketio, a small probe picks the profile its load completes (eio4, else eio3);
  2. warm-up: a short websocket load (class loading, JIT), not reported as a figure;
  3. idle memory: full GC (jcmd GC.run / node global.gc on SIGUSR2), VmRSS; open N websocket
     sessions that each send one event and then stay idle (--rate 1/hold), and once all have
     joined: full GC, VmRSS again; (after - before) / sessions open = bytes per idle session;
  4. echo throughput and latency: websocket 1000 x 200 events, polling 500 x 40 events;
  5. session ladders: websocket 1000, 2000, 5000, 10000; polling 500, 1000, 2000 sessions, 5
     events each; a step counts when every session got every event back; a server's ladder
     stops at its first failing step;
  6. stop (SIGTERM, then SIGKILL after 10 s).
"""

import argparse
import datetime
import html
import json
import os
import platform
import re
import shlex
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIOCONF = ROOT / "suite/target/sioconf.jar"
REFERENCE = ROOT / "reference-server/target/reference-server.jar"
NETTY = ROOT / "interop/netty-socketio/target/netty-socketio-server.jar"
GC_HOOK = ROOT / "bench/gc-on-signal.js"
RAW_ECHO = ROOT / "bench/raw-echo/RawEchoServer.java"

# The same heap settings for both JVM servers. -Xms small and a low MaxHeapFreeRatio let the full
# GC that precedes every memory reading give unused heap back to the OS, so VmRSS shows live data
# rather than whatever garbage the heap had grown to hold; -Xmx is fixed so neither server can
# use more heap than the other.
JVM_SERVER_FLAGS = ["-Xms64m", "-Xmx2g", "-XX:+UseG1GC", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20"]
NODE_FLAGS = ["--expose-gc", "-r", str(GC_HOOK)]
CLIENT_FLAGS = ["-Xmx4g"]
# Command prefixes that pin the server and the load client to a core each (--pin); empty by default.
PINNED = {"server": [], "client": []}

CLK_TCK = os.sysconf("SC_CLK_TCK")
PROGRESS = re.compile(r"sessions open (\d+) \(peak (\d+), joined (\d+) of (\d+)\)")


def log(msg):
    print(time.strftime("%H:%M:%S") + " " + msg, flush=True)


def register_pid(pid):
    """bench/run kills every process listed here that is still alive when it ends."""
    path = os.environ.get("BENCH_PIDFILE")
    if path:
        with open(path, "a") as f:
            f.write(f"{pid}\n")


# --------------------------------------------------------------------------- /proc readings

def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS for " + str(pid))


def cpu_seconds(pid):
    """utime + stime of the whole process (every thread), in seconds."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK
    except (OSError, IndexError, ValueError):
        return None


def middle_percent(samples, column):
    """CPU use in percent of one core over the middle half of a run, from (time, server cpu, client cpu)
    samples: past the connecting and warming up, before the closing."""
    if len(samples) < 4:
        return None
    t0, t1 = samples[0][0], samples[-1][0]
    inside = [x for x in samples if t0 + (t1 - t0) / 4 <= x[0] <= t1 - (t1 - t0) / 4 and x[column] is not None]
    if len(inside) < 2 or inside[-1][0] <= inside[0][0]:
        return None
    return round(100 * (inside[-1][column] - inside[0][column]) / (inside[-1][0] - inside[0][0]))


def threads(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("Threads:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


# --------------------------------------------------------------------------- servers

class Server:
    """One server process under test."""

    def __init__(self, spec, raw_dir):
        self.spec = spec
        self.raw_dir = raw_dir
        self.proc = None
        self.port = None
        self.stderr_path = raw_dir / f"{spec['id']}.server.log"

    def start(self):
        env = dict(os.environ)
        env.update(self.spec.get("env", {}))
        self.stderr_file = open(self.stderr_path, "w")
        log("start " + self.spec["id"] + ": " + " ".join(shlex.quote(str(c)) for c in self.spec["cmd"]))
        self.proc = subprocess.Popen(PINNED["server"] + [str(c) for c in self.spec["cmd"]], cwd=ROOT, env=env, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self.stderr_file, text=True, start_new_session=True)
        register_pid(self.proc.pid)
        pattern = re.compile(self.spec["listening"])
        found = {}

        def read():
            for line in self.proc.stdout:
                self.stderr_file.write("[stdout] " + line)
                m = pattern.search(line)
                if m and "port" not in found:
                    found["port"] = int(m.group(1))
            # stdout ended: the process is gone or closed it

        t = threading.Thread(target=read, daemon=True)
        t.start()
        deadline = time.monotonic() + 60
        while "port" not in found and time.monotonic() < deadline and self.proc.poll() is None:
            time.sleep(0.1)
        if "port" not in found:
            self.stop()
            raise RuntimeError("did not print its listening line within 60 s (exit " + str(self.proc.returncode) + ")")
        self.port = found["port"]
        log(f"  {self.spec['id']} listening on 127.0.0.1:{self.port}, pid {self.proc.pid}")

    @property
    def pid(self):
        return self.proc.pid

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def target(self):
        return f"http://127.0.0.1:{self.port}"

    def full_gc(self):
        """A full collection before an RSS reading, so that garbage does not count as memory held."""
        if self.spec["kind"] == "jvm":
            subprocess.run(["jcmd", str(self.pid), "GC.run"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=60, check=False)
            time.sleep(1)
        else:
            os.kill(self.pid, signal.SIGUSR2)
            time.sleep(2)

    def stop(self):
        if self.proc is None:
            return
        if self.proc.poll() is None:
            try:
                self.proc.send_signal(signal.SIGTERM)
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
            except ProcessLookupError:
                pass
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        self.stderr_file.close()
        trim(self.stderr_path, 300)


def trim(path, lines):
    """Keeps the last lines of a log (the committed raw/ folder stays small)."""
    try:
        text = path.read_text(errors="replace").splitlines()
    except OSError:
        return
    if len(text) > lines:
        text = [f"[... {len(text) - lines} earlier lines left out ...]"] + text[-lines:]
    path.write_text("\n".join(text) + ("\n" if text else ""))


def server_specs():
    java = "java"
    node = "node"
    ref_listening = r"listening on http://127\.0\.0\.1:(\d+)/"
    return [
        {"id": "reference-eio4", "name": "sioconf reference server", "version": "0.1.0", "kind": "jvm",
         "cmd": [java, *JVM_SERVER_FLAGS, "-jar", REFERENCE, "--host", "127.0.0.1", "--port", "0"],
         "listening": ref_listening, "profiles": ["eio4"], "baseline": None},
        {"id": "reference-legacy", "name": "sioconf reference server", "version": "0.1.0", "kind": "jvm",
         "cmd": [java, *JVM_SERVER_FLAGS, "-jar", REFERENCE, "--host", "127.0.0.1", "--port", "0"],
         "listening": ref_listening, "profiles": ["legacy"], "baseline": None},
        {"id": "reference-eio3", "name": "sioconf reference server", "version": "0.1.0", "kind": "jvm",
         "cmd": [java, *JVM_SERVER_FLAGS, "-jar", REFERENCE, "--host", "127.0.0.1", "--port", "0"],
         "listening": ref_listening, "profiles": ["eio3"], "baseline": None},
        {"id": "socketio-4.8.1", "name": "socket.io 4.8.1 (node)", "version": "4.8.1", "kind": "node",
         "cmd": [node, *NODE_FLAGS, "interop/modern-server.js"], "env": {"PORT": "0", "EXIT_WITH_STDIN": "1"},
         "listening": r"^listening (\d+)", "profiles": ["eio4"], "baseline": "reference-eio4"},
        {"id": "socketio-0.9.19", "name": "socket.io 0.9.19 (node)", "version": "0.9.19", "kind": "node",
         "cmd": [node, *NODE_FLAGS, "interop/legacy-server.js"], "env": {"PORT": "0", "EXIT_WITH_STDIN": "1"},
         "listening": r"^listening (\d+)", "profiles": ["legacy"], "baseline": "reference-legacy"},
        {"id": "netty-socketio-2.0.13", "name": "netty-socketio 2.0.13 (JVM)", "version": "2.0.13", "kind": "jvm",
         "cmd": [java, *JVM_SERVER_FLAGS, "-jar", NETTY],
         "env": {"PORT": "0", "TRANSPORTS": "polling,websocket", "EXIT_WITH_STDIN": "1"},
         "listening": r"^listening (\d+)", "profiles": ["eio4", "eio3"], "baseline": "reference-eio4"},
        # the practical limit: Netty's websocket with no protocol work (bench/raw-echo), on the reference server's jar
        {"id": "raw-echo", "name": "raw Netty websocket echo (bench only)", "version": "-", "kind": "jvm",
         "cmd": [java, *JVM_SERVER_FLAGS, "-cp", REFERENCE, RAW_ECHO, "--port", "0"],
         "listening": r"^listening (\d+)", "profiles": ["eio4"], "baseline": "reference-eio4", "websocketOnly": True},
    ]


def transports(profile):
    return {"websocket": "websocket", "polling": "xhr-polling" if profile == "legacy" else "polling"}


# --------------------------------------------------------------------------- load runs

class Harness:

    def __init__(self, args, out_dir):
        self.args = args
        self.out_dir = out_dir
        self.raw_dir = out_dir / "raw"
        self.raw_dir.mkdir(parents=True, exist_ok=True)
        self.started = time.monotonic()

    def load(self, server, tag, profile, transport, sessions, events, duration, extra=(), watch=None):
        """One `sioconf load` run; returns its JSON summary plus what the harness measured around it."""
        json_path = self.raw_dir / f"{server.spec['id']}.{tag}.json"
        log_path = self.raw_dir / f"{server.spec['id']}.{tag}.log"
        if json_path.exists():
            json_path.unlink()
        cmd = [*PINNED["client"], "java", *CLIENT_FLAGS, "-jar", str(SIOCONF), "load", "--target", server.target(), "--profile", profile,
               "--transport", transport, "--sessions", str(sessions), "--events", str(events),
               "--duration", str(duration), "--json", str(json_path), "--engine", self.args.engine, *extra]
        log(f"  load {tag}: {profile} {transport} {sessions} x {events} (bound {duration} s)")
        cpu0 = cpu_seconds(server.pid)
        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                start_new_session=True)
        register_pid(proc.pid)
        lines = []
        state = {"open": 0, "peak": 0, "joined": 0, "of": sessions, "changed": time.monotonic()}

        def read():
            for line in proc.stdout:
                lines.append(line.rstrip("\n"))
                m = PROGRESS.search(line)
                if m:
                    joined = int(m.group(3))
                    if joined != state["joined"]:
                        state["changed"] = time.monotonic()
                    state.update(open=int(m.group(1)), peak=int(m.group(2)), joined=joined, of=int(m.group(4)))

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        samples = []

        def sample():
            # CPU of the server and of the load client twice a second: the middle of the run
            # shows whether a pinned core was saturated
            while proc.poll() is None:
                samples.append((time.monotonic(), cpu_seconds(server.pid), cpu_seconds(proc.pid)))
                time.sleep(0.5)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        extra_result = {}
        if watch is not None:
            extra_result = watch(proc, state) or {}
        hard_bound = duration + 60
        try:
            code = proc.wait(timeout=max(1, hard_bound - (time.monotonic() - t0)))
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait()
            lines.append(f"[bench] load client killed after {hard_bound} s")
        reader.join(timeout=5)
        sampler.join(timeout=5)
        wall = time.monotonic() - t0
        cpu1 = cpu_seconds(server.pid)
        log_path.write_text("\n".join(lines) + "\n")
        trim(log_path, 400)
        summary = None
        if json_path.exists():
            try:
                summary = json.loads(json_path.read_text())
                # the latency histogram stays in raw/; results.json keeps the figures
                summary.pop("rttBuckets", None)
            except ValueError:
                summary = None
        result = {"tag": tag, "profile": profile, "transport": transport, "sessions": sessions, "events": events,
                  "durationBound": duration, "options": list(extra), "exitCode": code, "wallSeconds": round(wall, 1),
                  "serverCpuSeconds": None if cpu0 is None or cpu1 is None else round(cpu1 - cpu0, 2),
                  "serverAlive": server.alive(), "summary": summary,
                  "serverCpuMiddlePercent": middle_percent(samples, 1), "clientCpuMiddlePercent": middle_percent(samples, 2)}
        result.update(extra_result)
        if summary is None:
            tail = [l for l in lines if l.strip()][-3:]
            result["problem"] = "no summary (exit " + str(code) + "): " + " | ".join(tail)
        elif not server.alive():
            result["problem"] = f"server exited (status {server.proc.returncode}) during the run"
        s = summary
        if s:
            log(f"    {s['verdict']}: peak {s['peakSessions']}, complete {s['completeSessions']}/{sessions}, "
                f"{s['eventsPerSecond']:.0f} ev/s, p99 {s['rttP99Micros'] / 1000:.1f} ms, lost {s['lost']}, "
                f"errors {s['errors']}, {wall:.0f} s")
        else:
            log("    " + result["problem"])
        return result

    @staticmethod
    def complete(result):
        """Every session held and every event delivered once, in order."""
        s = result.get("summary")
        return (s is not None and s["verdict"] == "PASS" and s["completeSessions"] == result["sessions"]
                and s["failedSessions"] == 0 and result["serverAlive"])

    def idle_memory(self, server, profile):
        a = self.args
        n, hold = a.idle_sessions, a.idle_hold
        server.full_gc()
        before = rss_kib(server.pid)
        threads_before = threads(server.pid)
        log(f"  idle memory: VmRSS before {before} KiB after a full GC")

        def watch(proc, state):
            # wait until every session joined (or joining stalled for 10 s), let them settle, read
            start = time.monotonic()
            while proc.poll() is None and time.monotonic() - start < hold - 5:
                if state["joined"] >= n or (state["joined"] > 0 and time.monotonic() - state["changed"] > 10):
                    break
                time.sleep(0.5)
            if proc.poll() is not None or not server.alive():
                return {"memoryProblem": "the run ended before the sessions were all open"}
            time.sleep(3)
            held = state["open"]
            server.full_gc()
            after = rss_kib(server.pid)
            held_after = state["open"]
            log(f"  idle memory: VmRSS with {held_after} sessions open {after} KiB after a full GC")
            return {"rssBeforeKiB": before, "rssAfterKiB": after, "sessionsOpenAtReading": min(held, held_after),
                    "threadsBefore": threads_before, "threadsAfter": threads(server.pid)}

        # two events right away (the load mode's rate allows a burst of two; they prove the session
        # works), the third `hold` seconds later
        return self.load(server, "idle-ws", profile, "websocket", n, 3, hold + 40,
                         extra=["--rate", f"{1.0 / hold:.6f}", "--event-timeout", "30"], watch=watch)

    @staticmethod
    def bounded(server_deadline, want):
        """The --duration a run may have within this server's share of the time budget; None: none left."""
        left = server_deadline - time.monotonic() - 15
        if left < 20:
            return None
        return int(min(want, left))

    def bench_server(self, spec, server_deadline):
        a = self.args
        entry = {"id": spec["id"], "name": spec["name"], "version": spec["version"], "kind": spec["kind"],
                 "command": " ".join(str(c) if not isinstance(c, Path) else str(c.relative_to(ROOT)) for c in spec["cmd"]),
                 "env": spec.get("env", {}), "baseline": spec["baseline"], "profile": None, "runs": {}, "notes": []}
        server = Server(spec, self.raw_dir)
        try:
            server.start()
        except (RuntimeError, OSError) as e:
            entry["notes"].append("could not start: " + str(e))
            log("  " + entry["notes"][-1])
            return entry
        try:
            profile = spec["profiles"][0]
            if len(spec["profiles"]) > 1:
                profile, best = None, -1
                for candidate in spec["profiles"]:
                    ok, score = True, 0
                    for kind, t in transports(candidate).items():
                        r = self.load(server, f"probe-{candidate}-{kind}", candidate, t, 20, 10, 30)
                        entry["runs"][r["tag"]] = r
                        ok &= self.complete(r)
                        score += (r.get("summary") or {}).get("completeSessions", 0)
                    if ok:
                        profile = candidate
                        break
                    entry["notes"].append(f"profile {candidate}: the probe load (20 sessions x 10 events on websocket "
                                          f"and on polling) did not complete: {score} of 40 sessions got every event "
                                          f"back; see runs probe-{candidate}-*")
                    if score > best:
                        profile, best = candidate, score
                else:
                    entry["notes"].append(f"no profile completed the probe; measured with {profile}, the one whose "
                                          "probe completed the most sessions")
            entry["profile"] = profile
            if spec["baseline"] and len(spec["profiles"]) > 1:
                # compared with the reference server on the protocol this server was measured with
                entry["baseline"] = "reference-" + profile
            tr = transports(profile)
            # (tag, transport, sessions, events, duration wanted, extra options); idle-ws is the memory reading
            # the throughput runs start their events together, once every session has joined: with a fast
            # load client, early sessions' echoes kept a busy server from answering later joins in time
            steps = [("warmup-ws", "websocket", a.warmup[0], a.warmup[1], 60, []),
                     ("idle-ws", "websocket", a.idle_sessions, 3, a.idle_hold + 40, None),
                     ("throughput-ws", "websocket", a.throughput_ws[0], a.throughput_ws[1], a.step_duration, ["--start-together"]),
                     ("throughput-polling", "polling", a.throughput_polling[0], a.throughput_polling[1], a.step_duration,
                      ["--start-together"])]
            for tag, kind, n, events, want, extra in steps:
                if not server.alive():
                    entry["runs"][tag] = {"tag": tag, "skipped": "the server is no longer running"}
                    continue
                if kind == "polling" and spec.get("websocketOnly"):
                    entry["runs"][tag] = {"tag": tag, "skipped": "websocket only"}
                    continue
                duration = self.bounded(server_deadline, want)
                if duration is None or (extra is None and duration < want):
                    entry["runs"][tag] = {"tag": tag, "skipped": "time budget"}
                    entry["notes"].append(tag + " skipped: out of this server's share of the time budget")
                    continue
                if extra is None:
                    r = self.idle_memory(server, profile)
                else:
                    r = self.load(server, tag, profile, tr[kind], n, events, duration, extra=extra)
                r["durationCutByBudget"] = duration < want
                entry["runs"][tag] = r
                time.sleep(2)
            for kind, ladder in (("websocket", a.ladder_ws), ("polling", a.ladder_polling)):
                if kind == "polling" and spec.get("websocketOnly"):
                    entry["runs"][f"ladder-{kind}-{ladder[0]}"] = {"tag": f"ladder-{kind}-{ladder[0]}", "skipped": "websocket only"}
                    continue
                for n in ladder:
                    tag = f"ladder-{kind}-{n}"
                    if not server.alive():
                        entry["runs"][tag] = {"tag": tag, "skipped": "the server is no longer running"}
                        break
                    duration = self.bounded(server_deadline, a.step_duration)
                    if duration is None:
                        entry["runs"][tag] = {"tag": tag, "skipped": "time budget"}
                        entry["notes"].append(f"{kind} ladder stopped before {n} sessions: out of this server's share "
                                              "of the time budget")
                        break
                    r = self.load(server, tag, profile, tr[kind], n, a.ladder_events, duration,
                                  extra=["--ramp-batch", str(a.ramp_batch)])
                    r["durationCutByBudget"] = duration < a.step_duration
                    entry["runs"][tag] = r
                    time.sleep(3)
                    if not self.complete(r):
                        break
        finally:
            if not server.alive() and server.proc is not None:
                entry["notes"].append(f"the server process exited with status {server.proc.returncode}")
            server.stop()
        return entry


# --------------------------------------------------------------------------- figures

METRICS = [
    # key, label, unit, better
    ("throughput_ws", "echo throughput, websocket", "events/s", "higher"),
    ("p99_ws", "p99 round trip, websocket", "ms", "lower"),
    ("throughput_polling", "echo throughput, polling", "events/s", "higher"),
    ("p99_polling", "p99 round trip, polling", "ms", "lower"),
    ("peak_ws", "websocket sessions held", "sessions", "higher"),
    ("peak_polling", "polling sessions held", "sessions", "higher"),
    ("idle_kib_per_session", "memory per idle websocket session", "KiB", "lower"),
    ("cpu_ms_per_1k_ws", "server CPU per 1000 websocket echoes", "ms", "lower"),
]


def figures(entry, args):
    runs = entry["runs"]
    m = {}
    notes = {}

    def run_ok(tag):
        r = runs.get(tag)
        return r if r and "summary" in r and r["summary"] and Harness.complete(r) else None

    def why(tag):
        r = runs.get(tag)
        if r is None:
            return "not run"
        if "skipped" in r:
            return "skipped: " + r["skipped"]
        s = r.get("summary")
        if s is None:
            return r.get("problem", "no summary")
        parts = [s["verdict"]]
        if s["lost"]:
            parts.append(f"{s['lost']} lost")
        if s["failedSessions"]:
            parts.append(f"{s['failedSessions']} sessions failed")
        if s["duplicated"] or s["reordered"]:
            parts.append(f"{s['duplicated']} duplicated, {s['reordered']} reordered")
        if not r.get("serverAlive", True):
            parts.append("server died")
        if s.get("cutShort"):
            parts.append(f"cut at {s['durationLimitSeconds']} s" + (" by the time budget" if r.get("durationCutByBudget") else ""))
        return ", ".join(parts)

    for kind in ("ws", "polling"):
        tag = "throughput-" + kind
        r = run_ok(tag)
        if r:
            m["throughput_" + kind] = round(r["summary"]["eventsPerSecond"])
            m["p99_" + kind] = r["summary"]["rttP99Micros"] / 1000
        else:
            notes["throughput_" + kind] = notes["p99_" + kind] = why(tag)
    r = run_ok("throughput-ws")
    if r and r.get("serverCpuSeconds") is not None and r["summary"]["eventsEchoed"]:
        m["cpu_ms_per_1k_ws"] = round(r["serverCpuSeconds"] * 1000 / (r["summary"]["eventsEchoed"] / 1000), 1)
    for kind, ladder in (("ws", args.ladder_ws), ("polling", args.ladder_polling)):
        full = "websocket" if kind == "ws" else "polling"
        held, first_fail = 0, None
        for n in ladder:
            tag = f"ladder-{full}-{n}"
            if tag not in runs:
                break
            if "skipped" in runs[tag]:
                first_fail = (n, None, runs[tag])
                break
            if run_ok(tag):
                held = n
            else:
                first_fail = (n, why(tag), runs[tag])
                break
        ran = any(f"ladder-{full}-{n}" in runs and "summary" in runs[f"ladder-{full}-{n}"] for n in ladder)
        if ran:
            m["peak_" + kind] = held
            if first_fail and first_fail[1] is None:
                notes["peak_" + kind] = f"at least; {first_fail[0]} not run ({first_fail[2]['skipped']})"
            elif first_fail:
                n, reason, rr = first_fail
                peak = rr.get("summary", {}) or {}
                notes["peak_" + kind] = (f"{n} failed ({reason}" +
                                         (f", peak {peak['peakSessions']} open" if "peakSessions" in peak else "") + ")")
            elif held == ladder[-1]:
                notes["peak_" + kind] = "top of the ladder"
        else:
            notes["peak_" + kind] = why(f"ladder-{full}-{ladder[0]}")
    r = runs.get("idle-ws")
    if r and "rssAfterKiB" in r and r.get("sessionsOpenAtReading"):
        held = r["sessionsOpenAtReading"]
        m["idle_kib_per_session"] = round((r["rssAfterKiB"] - r["rssBeforeKiB"]) / held, 2)
        if held < r["sessions"]:
            notes["idle_kib_per_session"] = f"only {held} of {r['sessions']} sessions open"
        elif not Harness.complete(r):
            notes["idle_kib_per_session"] = "the run then " + why("idle-ws")
    else:
        notes["idle_kib_per_session"] = (r or {}).get("memoryProblem") or why("idle-ws")
    return m, notes


def ratio(value, base):
    if value is None or base is None or base == 0:
        return None
    return value / base


def fmt(value, unit):
    if value is None:
        return "—"
    if unit in ("events/s", "sessions"):
        return f"{value:,.0f}"
    if unit == "KiB":
        return f"{value:.2f} KiB"
    return f"{value:.1f} {unit}" if value >= 10 else f"{value:.2f} {unit}"


def write_table(results, path):
    servers = results["servers"]
    by_id = {s["id"]: s for s in servers}
    out = ["# sioconf benchmark results", "",
           f"Run {results['date']} on {results['machine']['summary']}; command and settings in "
           "[COMMAND.md](COMMAND.md), every figure in [results.json](results.json), each load run's summary and "
           "progress in [raw/](raw/). Plot: [plot.svg](plot.svg).", "",
           "Each cell: the figure, then in brackets its ratio to the reference server on the same protocol "
           "(socket.io 4.8.1 to `reference-eio4`, socket.io 0.9.19 to `reference-legacy`, netty-socketio to "
           "`reference-eio4` or `reference-eio3`, whichever profile its load completed). "
           "For throughput and sessions held higher is better; for latency, memory and CPU lower is better. "
           "A figure counts only from a run in which every session got every event back once and in order; "
           "otherwise the cell says what happened.", ""]
    header = "| metric | " + " | ".join(f"{s['name']} `{s['id']}` ({s.get('profile') or '?'})" for s in servers) + " |"
    out.append(header)
    out.append("|---|" + "---|" * len(servers))
    for key, label, unit, better in METRICS:
        cells = []
        for s in servers:
            v = s["metrics"].get(key)
            note = s["notes_by_metric"].get(key)
            base = by_id.get(s["baseline"]) if s["baseline"] else None
            cell = fmt(v, unit)
            if base is not None:
                r = ratio(v, base["metrics"].get(key))
                cell += f" ({r:.2f}x)" if r is not None else " (—)"
            elif v is not None:
                cell += " (1x)"
            if note:
                cell += f" <br><sub>{html.escape(note)}</sub>"
            cells.append(cell)
        out.append(f"| {label} ({unit}, {better} is better) | " + " | ".join(cells) + " |")
    out += ["", "## Is the load client the limit?", "",
            "The websocket throughput run of each server, with the CPU that the server and the load client used over the "
            "middle half of the run (past connecting and warming up, before closing; sampled from /proc twice a second), "
            "in percent of one core. "
            + ("The server ran on CPU 0 and the load client on CPU 1, so a server near 100% used its whole core, "
               "and a client below 100% was not what stopped it."
               if results["settings"].get("pinned", "no") != "no" else
               "This run was not pinned (`--pin`): server and client shared the cores."), "",
            "| server | events/s | server CPU, middle of the run | load client CPU, middle of the run | "
            "load client CPU per 1000 echoes, whole run | engine |",
            "|---|---|---|---|---|---|"]
    for s in servers:
        r = s["runs"].get("throughput-ws") or {}
        sm = r.get("summary") or {}
        if not sm:
            out.append(f"| {s['id']} | — | | | | |")
            continue
        pct = lambda v: "—" if v is None else f"{v}%"
        per_k = sm.get("clientCpuMsPer1000Events")
        out.append(f"| {s['id']} | {sm['eventsPerSecond']:,.0f} | {pct(r.get('serverCpuMiddlePercent'))} | "
                   f"{pct(r.get('clientCpuMiddlePercent'))} | {'—' if per_k is None else f'{per_k:.1f} ms'} | "
                   f"{sm.get('engine', 'jdk')} |")
    out.append("")
    out.append("## Every run")
    out.append("")
    out.append("| server | run | profile, transport | sessions x events | verdict | peak open | complete | events/s | "
               "p50 ms | p99 ms | max ms | lost | errors | server CPU s | wall s |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for s in servers:
        for tag, r in s["runs"].items():
            if "skipped" in r:
                out.append(f"| {s['id']} | {tag} | | | skipped: {r['skipped']} | | | | | | | | | | |")
                continue
            sm = r.get("summary")
            if not sm:
                out.append(f"| {s['id']} | {tag} | {r['profile']} {r['transport']} | {r['sessions']} x {r['events']} | "
                           f"{html.escape(r.get('problem', 'no summary'))} | | | | | | | | | | {r['wallSeconds']} |")
                continue
            extra = ""
            if "rssAfterKiB" in r:
                extra = f" (VmRSS {r['rssBeforeKiB']} → {r['rssAfterKiB']} KiB with {r['sessionsOpenAtReading']} open)"
            out.append(f"| {s['id']} | {tag}{extra} | {r['profile']} {r['transport']} | {r['sessions']} x {r['events']} | "
                       f"{sm['verdict']} | {sm['peakSessions']} | {sm['completeSessions']} | {sm['eventsPerSecond']:.0f} | "
                       f"{sm['rttP50Micros'] / 1000:.2f} | {sm['rttP99Micros'] / 1000:.2f} | {sm['rttMaxMicros'] / 1000:.1f} | "
                       f"{sm['lost']} | {sm['errors']} | {r['serverCpuSeconds']} | {r['wallSeconds']} |")
    notes = [(s["id"], n) for s in servers for n in s["notes"]]
    for s in servers:
        samples = {}
        for tag, r in s["runs"].items():
            sm = r.get("summary") or {}
            for e in sm.get("errorSamples", []):
                samples.setdefault(e, []).append(tag)
        for e, tags in samples.items():
            notes.append((s["id"], f"load error \"{e}\" in {len(tags)} runs ({', '.join(tags[:4])}{', ...' if len(tags) > 4 else ''}); "
                                   "errors alone do not fail a run, lost, duplicated or reordered events do"))
    if notes:
        out += ["", "## Notes", ""]
        out += [f"- `{sid}`: {html.escape(n)}" for sid, n in notes]
    path.write_text("\n".join(out) + "\n")


def write_plot(results, path):
    """Grouped bars, one group per metric, one bar per server compared: the ratio to the reference
    server on the same protocol, on a log scale (1 = as the reference)."""
    import math
    servers = [s for s in results["servers"] if s["baseline"]]
    by_id = {s["id"]: s for s in results["servers"]}
    colours = ["#d95f02", "#7570b3", "#1b9e77", "#e7298a", "#66a61e"]
    data = []
    for key, label, unit, better in METRICS:
        row = []
        for s in servers:
            base = by_id.get(s["baseline"])
            row.append(ratio(s["metrics"].get(key), base["metrics"].get(key) if base else None))
        data.append(row)
    values = [v for row in data for v in row if v]
    lo = min([0.1] + values)
    hi = max([10] + values)
    lo_exp = math.floor(math.log10(lo))
    hi_exp = math.ceil(math.log10(hi))
    width, height = 1180, 530
    left, right, top, bottom = 80, 20, 70, 150
    pw, ph = width - left - right, height - top - bottom

    def y(v):
        return top + ph * (hi_exp - math.log10(v)) / (hi_exp - lo_exp)

    e = html.escape
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           'font-family="DejaVu Sans, Arial, sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{width / 2}" y="24" text-anchor="middle" font-size="17" font-weight="bold">'
           'sioconf benchmark: each server as a ratio to the sioconf reference server (log scale)</text>',
           f'<text x="{width / 2}" y="44" text-anchor="middle" fill="#444">{e(results["machine"]["summary"])}, '
           f'{e(results["date"])}; 1 = same as the reference server on the same protocol</text>']
    for k in range(lo_exp, hi_exp + 1):
        for mult in (1, 2, 5):
            v = mult * 10 ** k
            if v < 10 ** lo_exp or v > 10 ** hi_exp:
                continue
            yy = y(v)
            strong = mult == 1
            svg.append(f'<line x1="{left}" x2="{width - right}" y1="{yy:.1f}" y2="{yy:.1f}" '
                       f'stroke="{"#bbb" if strong else "#e5e5e5"}"/>')
            svg.append(f'<text x="{left - 8}" y="{yy + 4:.1f}" text-anchor="end" fill="#333">{v:g}x</text>')
    y1 = y(1)
    svg.append(f'<line x1="{left}" x2="{width - right}" y1="{y1:.1f}" y2="{y1:.1f}" stroke="#000" stroke-width="1.5"/>')
    svg.append(f'<text x="{left + 4}" y="{y1 - 5:.1f}" font-size="11" fill="#333">reference = 1</text>')
    group_w = pw / len(METRICS)
    bar_w = min(34, (group_w - 20) / max(1, len(servers)))
    for gi, ((key, label, unit, better), row) in enumerate(zip(METRICS, data)):
        gx = left + gi * group_w
        x0 = gx + (group_w - bar_w * len(servers)) / 2
        for si, v in enumerate(row):
            x = x0 + si * bar_w
            if v is None or v <= 0:
                svg.append(f'<text x="{x + bar_w / 2:.1f}" y="{y1 - 6:.1f}" text-anchor="middle" font-size="10" '
                           f'fill="{colours[si % len(colours)]}">n/a</text>')
                continue
            yy = y(v)
            top_y, h = min(yy, y1), abs(yy - y1)
            svg.append(f'<rect x="{x + 2:.1f}" y="{top_y:.1f}" width="{bar_w - 4:.1f}" height="{max(h, 1):.1f}" '
                       f'fill="{colours[si % len(colours)]}"/>')
            ty = top_y - 4 if v >= 1 else top_y + h + 12
            svg.append(f'<text x="{x + bar_w / 2:.1f}" y="{ty:.1f}" text-anchor="middle" font-size="10">{v:.2g}</text>')
        words = label.split(" ")
        lines, cur = [], ""
        for w in words:
            if len(cur) + len(w) + 1 > 20 and cur:
                lines.append(cur)
                cur = w
            else:
                cur = (cur + " " + w).strip()
        lines.append(cur)
        lines.append(f"({better} is better)")
        for li, text in enumerate(lines):
            style = ' fill="#555" font-style="italic"' if li == len(lines) - 1 else ""
            svg.append(f'<text x="{gx + group_w / 2:.1f}" y="{top + ph + 18 + li * 14}" text-anchor="middle"'
                       f'{style}>{e(text)}</text>')
    ly = height - 22
    lx = left
    for si, s in enumerate(servers):
        text = f"{s['name']} ({s.get('profile')}) vs {s['baseline']}"
        svg.append(f'<rect x="{lx}" y="{ly - 10}" width="12" height="12" fill="{colours[si % len(colours)]}"/>')
        svg.append(f'<text x="{lx + 16}" y="{ly}">{e(text)}</text>')
        lx += 22 + 7 * len(text)
    svg.append("</svg>")
    path.write_text("\n".join(svg) + "\n")


def machine():
    def first(cmd):
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
            return (r.stdout + r.stderr).strip()
        except (OSError, subprocess.TimeoutExpired):
            return "?"

    mem_kib = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kib = int(line.split()[1])
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    nproc = os.cpu_count()
    info = {"nproc": nproc, "memTotalGiB": round(mem_kib / 1024 / 1024, 1), "cpu": cpu,
            "kernel": platform.release(), "java": first(["java", "-version"]).splitlines()[0:3],
            "node": first(["node", "--version"]), "python": platform.python_version(),
            "openFilesLimit": first(["bash", "-c", "ulimit -n"])}
    info["summary"] = f"{nproc} cores, {info['memTotalGiB']} GiB RAM, {info['java'][0] if info['java'] else '?'}, node {info['node']}"
    return info


def main():
    p = argparse.ArgumentParser(prog="bench/run", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="small smoke settings, written to bench/results-quick/")
    p.add_argument("--servers", default="reference-eio4,reference-legacy,reference-eio3,socketio-4.8.1,socketio-0.9.19,"
                   "netty-socketio-2.0.13,raw-echo",
                   help="comma list of server ids, run in this order (default: all, as listed)")
    p.add_argument("--out", help="output folder (default bench/results, or bench/results-quick with --quick)")
    p.add_argument("--budget", type=int, default=1080, help="seconds for the whole run (default 1080: 18 minutes)")
    p.add_argument("--step-duration", type=int, default=90, help="--duration of each throughput and ladder run (default 90)")
    p.add_argument("--idle-sessions", type=int, default=2000, help="idle websocket sessions for the memory reading (default 2000)")
    p.add_argument("--idle-hold", type=int, default=30, help="seconds an idle session waits before its third event (default 30)")
    p.add_argument("--ladder-ws", default="1000,2000,5000,10000")
    p.add_argument("--ladder-polling", default="500,1000,2000")
    p.add_argument("--ladder-events", type=int, default=5)
    p.add_argument("--ramp-batch", type=int, default=250)
    p.add_argument("--pin", action="store_true",
                   help="run each server on CPU 0 and the load client on CPU 1 (taskset), so they do not compete for a core")
    p.add_argument("--engine", choices=["netty", "jdk"], default="netty",
                   help="the load client's engine, `sioconf load --engine` (default netty)")
    args = p.parse_args()
    if args.pin:
        PINNED["server"] = ["taskset", "-c", "0"]
        PINNED["client"] = ["taskset", "-c", "1"]
    args.warmup = (200, 50)
    # 2,000 events each: about 30 s at the rates measured, long enough that JIT warm-up is a small part
    # of the figure and that the middle half of the run shows each side's steady state
    args.throughput_ws = (1000, 2000)
    args.throughput_polling = (500, 40)
    if args.quick:
        args.warmup = (20, 20)
        args.throughput_ws = (100, 20)
        args.throughput_polling = (50, 10)
        args.idle_sessions = min(args.idle_sessions, 200)
        args.idle_hold = min(args.idle_hold, 15)
        args.ladder_ws = "100,200"
        args.ladder_polling = "50,100"
        args.step_duration = min(args.step_duration, 30)
    args.ladder_ws = [int(x) for x in str(args.ladder_ws).split(",")]
    args.ladder_polling = [int(x) for x in str(args.ladder_polling).split(",")]
    out_dir = Path(args.out) if args.out else ROOT / ("bench/results-quick" if args.quick else "bench/results")
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in (out_dir / "raw").glob("*") if (out_dir / "raw").exists() else []:
        old.unlink()

    def on_term(signum, frame):
        raise KeyboardInterrupt()

    signal.signal(signal.SIGTERM, on_term)

    specs = {s["id"]: s for s in server_specs()}
    wanted = [x.strip() for x in args.servers.split(",") if x.strip()]
    for w in wanted:
        if w not in specs:
            p.error(f"unknown server '{w}'; known: {', '.join(specs)}")
    harness = Harness(args, out_dir)
    started_at = datetime.datetime.now(datetime.timezone.utc)
    command = "bench/run" + "".join(" " + shlex.quote(a) for a in sys.argv[1:])
    info = machine()
    log(f"sioconf benchmark: {command}; {info['summary']}; budget {args.budget} s")
    results = {"date": started_at.strftime("%Y-%m-%d %H:%M UTC"), "command": command, "machine": info,
               "settings": {"warmupWs": args.warmup, "idleSessions": args.idle_sessions, "idleHoldSeconds": args.idle_hold,
                            "throughputWs": args.throughput_ws, "throughputPolling": args.throughput_polling,
                            "ladderWs": args.ladder_ws, "ladderPolling": args.ladder_polling,
                            "ladderEvents": args.ladder_events, "rampBatch": args.ramp_batch, "window": 4,
                            "stepDurationSeconds": args.step_duration, "budgetSeconds": args.budget,
                            "jvmServerFlags": JVM_SERVER_FLAGS, "nodeServerFlags": ["--expose-gc", "-r", "bench/gc-on-signal.js"],
                            "loadClientFlags": CLIENT_FLAGS, "engine": args.engine,
                            "pinned": "server on CPU 0, load client on CPU 1" if args.pin else "no"},
               "servers": []}
    deadline = time.monotonic() + args.budget
    try:
        for i, sid in enumerate(wanted):
            share = (deadline - time.monotonic()) / (len(wanted) - i)
            log(f"== {sid} (time share {share:.0f} s)")
            entry = harness.bench_server(specs[sid], time.monotonic() + share)
            results["servers"].append(entry)
    except KeyboardInterrupt:
        log("interrupted: writing what was measured so far")
        results["interrupted"] = True
    for entry in results["servers"]:
        entry["metrics"], entry["notes_by_metric"] = figures(entry, args)
    by_id = {s["id"]: s for s in results["servers"]}
    for entry in results["servers"]:
        if entry["baseline"] and entry["baseline"] not in by_id and "reference-eio4" in by_id:
            entry["notes"].append(f"{entry['baseline']} was not run; compared with reference-eio4")
            entry["baseline"] = "reference-eio4"
        base = by_id.get(entry["baseline"]) if entry["baseline"] else None
        entry["ratios"] = {k: (round(ratio(v, base["metrics"].get(k)), 3) if base and ratio(v, base["metrics"].get(k)) is not None else None)
                           for k, v in entry["metrics"].items()} if base else {}
    results["wallSeconds"] = round(time.monotonic() - harness.started)
    (out_dir / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    write_table(results, out_dir / "table.md")
    write_plot(results, out_dir / "plot.svg")
    write_command(results, out_dir / "COMMAND.md")
    log(f"done in {results['wallSeconds']} s: {out_dir.relative_to(ROOT) if out_dir.is_relative_to(ROOT) else out_dir}")
    return 130 if results.get("interrupted") else 0


def write_command(results, path):
    m, s = results["machine"], results["settings"]
    git = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True,
                           text=True).stdout.strip()
    lines = [
        "# How these results were made", "",
        "```sh",
        "mvn -B -DskipTests package        # suite/target/sioconf.jar, reference-server.jar, netty-socketio-server.jar",
        "npm ci --prefix interop           # socket.io 4.8.1 and 0.9.19",
        results["command"],
        "```", "",
        f"- date: {results['date']}; whole run {results['wallSeconds']} s"
        + (" (interrupted)" if results.get("interrupted") else ""),
        f"- commit: {git}{' (with uncommitted changes)' if dirty else ''}",
        f"- machine: {m['nproc']} cores ({m['cpu']}), {m['memTotalGiB']} GiB RAM, Linux {m['kernel']}, "
        f"open files limit {m['openFilesLimit']}",
        f"- java: {' / '.join(m['java'])}",
        f"- node: {m['node']}; python {m['python']}",
        "- everything on 127.0.0.1; servers started one after the other, never two at once; the load client "
        f"(`java -jar suite/target/sioconf.jar load --engine {s.get('engine', 'jdk')}`) "
        + ("runs on CPU 1 and the server on CPU 0 (`taskset`)" if s.get("pinned", "no") != "no"
           else "runs on the same 2 cores as the server"),
        "",
        "## Settings", "",
        f"- JVM servers (reference, netty-socketio): `java {' '.join(s['jvmServerFlags'])} -jar ...`; node servers: "
        f"`node {' '.join(s['nodeServerFlags'])} interop/....js`; load client: `java {' '.join(s['loadClientFlags'])} -jar "
        "suite/target/sioconf.jar load ...`",
        f"- warm-up (not reported): websocket {s['warmupWs'][0]} sessions x {s['warmupWs'][1]} events",
        f"- idle memory: full GC (`jcmd <pid> GC.run` for the JVM servers; `global.gc()` on SIGUSR2 for node, "
        f"preloaded by `bench/gc-on-signal.js` under `--expose-gc`), VmRSS from /proc/<pid>/status; then "
        f"{s['idleSessions']} websocket sessions that send two echo events each and stay idle "
        f"(`--events 3 --rate {1 / s['idleHoldSeconds']:.4f}`: the third event {s['idleHoldSeconds']} s later); once "
        "all have joined and 3 s passed: full GC, VmRSS again; (after - before) / sessions open at the reading",
        f"- echo throughput and p99: websocket {s['throughputWs'][0]} sessions x {s['throughputWs'][1]} events, polling "
        f"{s['throughputPolling'][0]} x {s['throughputPolling'][1]}, window {s['window']} (events in flight per session); "
        "events/s = echoes over the time from the first send to the last echo (the load mode's own figure)",
        f"- session ladders: websocket {', '.join(map(str, s['ladderWs']))}; polling "
        f"{', '.join(map(str, s['ladderPolling']))}; {s['ladderEvents']} events per session, sessions opened "
        f"{s['rampBatch']} at a time, all held until the last event is back; a step counts only when every session got "
        "every event back (PASS and complete = sessions); a server's ladder stops at its first failing step",
        f"- each run bounded by `--duration {s['stepDurationSeconds']}` (idle memory: hold + 40 s); whole run budget "
        f"{s['budgetSeconds']} s, shared among the servers; a step that would not fit is skipped and says so",
        "- server CPU: utime + stime of the server process (all threads) from /proc/<pid>/stat across the run; "
        "middle of the run: the same for the server and the load client, sampled twice a second, over the middle half "
        "of the load process's life",
    ]
    path.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
