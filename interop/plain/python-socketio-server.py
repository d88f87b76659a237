#!/usr/bin/python3
"""A plain python-socketio server, as a user's first app would be.

Debian's python3-socketio (5.7.2, on python3-engineio 4.3.4) in an aiohttp application
(python3-aiohttp 3.8.4), with the default settings of socketio.AsyncServer, no event
handlers and no namespace but "/". It is NOT set up with the contract of spec/eio4.md
section 23; it only logs connections and disconnections to stderr, so that the suite can
be shown against a server nobody prepared for it.

usage:  [PORT=<port>] /usr/bin/python3 interop/plain/python-socketio-server.py

    PORT   port on 127.0.0.1; unset, empty or 0: a free port

Run it with Debian's /usr/bin/python3 (a pyenv python on the PATH does not see Debian's
packages); install them with `apt-get install python3-socketio python3-aiohttp`.

stdout: one line "listening <port>" once it accepts connections (ServerProcess waits for it).
It exits when its stdin ends, so that a parent that dies takes it along.
"""
import asyncio
import os
import socket
import sys
import threading

import socketio
from aiohttp import web

sio = socketio.AsyncServer()
app = web.Application()
sio.attach(app)


@sio.event
async def connect(sid, environ, auth):  # python-socketio 5 passes the CONNECT's auth (None without one)
    print("connected", sid, file=sys.stderr, flush=True)


@sio.event
async def disconnect(sid):
    print("disconnected", sid, file=sys.stderr, flush=True)


def wait_for_stdin_to_end(loop, done):
    sys.stdin.buffer.read()
    loop.call_soon_threadsafe(done.set)


async def main():
    port = int(os.environ.get("PORT") or 0)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    runner = web.AppRunner(app)
    await runner.setup()
    await web.SockSite(runner, listener).start()
    print("listening", listener.getsockname()[1], flush=True)

    stdin_ended = asyncio.Event()
    threading.Thread(target=wait_for_stdin_to_end, args=(asyncio.get_running_loop(), stdin_ended),
                     daemon=True).start()
    await stdin_ended.wait()
    await runner.cleanup()


if __name__ == "__main__":
    asyncio.run(main())
