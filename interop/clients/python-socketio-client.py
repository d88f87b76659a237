# The client contract of spec/eio4-client.md section 1, run by python-socketio's AsyncClient
# (Debian's python3-socketio 5.7.2, over aiohttp).
# Usage: SIOCONF_URL=http://127.0.0.1:PORT /usr/bin/python3 python-socketio-client.py
import asyncio
import os
import sys

import socketio

URL = os.environ.get("SIOCONF_URL")
if not URL:
    print("SIOCONF_URL is not set", file=sys.stderr)
    sys.exit(2)

sio = socketio.AsyncClient()
connections = 0
others = []


async def emit(event, *args, namespace=None, callback=None):
    """Emits, printing what the library refuses instead of dying of it (it does not buffer while disconnected)."""
    try:
        await sio.emit(event, args if len(args) != 1 else args[0], namespace=namespace, callback=callback)
    except Exception as e:  # noqa: BLE001 - the library's own refusal, reported and left
        print(f"emit {event} refused: {type(e).__name__}: {e}", flush=True)


@sio.event
async def connect():
    global connections
    connections += 1
    await emit("hello", connections)


@sio.event
async def disconnect():
    await emit("offline", "disconnected")


@sio.on("echo")
async def echo(*args):
    # the library acknowledges with the return value when the server asked for an ack; it cannot
    # tell the handler whether it did, so the event is echoed back as well
    await emit("echo-back", *args)
    return args


@sio.on("ask")
async def ask(*args):
    async def answered(*reply):
        await emit("answered", *reply)

    await emit("answer", callback=answered)


@sio.on("join")
async def join(nsp):
    # python-socketio connects namespaces when it connects: another namespace takes another client
    other = socketio.AsyncClient(reconnection=False)
    others.append(other)

    @other.on("connect", namespace=nsp)
    async def joined():
        await other.emit("joined", namespace=nsp)

    try:
        await other.connect(URL, namespaces=[nsp])
    except Exception as e:  # noqa: BLE001
        await emit("refused", nsp, str(e))


@sio.on("burst")
async def burst(count, length):
    for _ in range(count):
        await emit("bulk", "x" * length)


async def main():
    await sio.connect(URL)
    await sio.wait()
    await asyncio.Event().wait()


asyncio.run(main())
