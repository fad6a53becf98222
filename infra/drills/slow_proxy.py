#!/usr/bin/env python3
"""A loopback TCP proxy that delays every chunk going from the client to the server: put between
the backend and PostgreSQL, each statement (each round trip) takes at least --delay-ms longer.
The delay can be changed while it runs by writing milliseconds into --control-file, so a drill can
slow the database down and speed it up again without reconnecting. Stops by itself after
--max-seconds.

    slow_proxy.py --listen 5441 --target 5440 --delay-ms 0 --control-file target/drills/delay
"""
import argparse
import asyncio
import os
import sys

delay_ms = 0


async def pump(reader, writer, delayed):
    try:
        while True:
            chunk = await reader.read(65536)
            if not chunk:
                break
            if delayed and delay_ms > 0:
                await asyncio.sleep(delay_ms / 1000)
            writer.write(chunk)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        try:
            writer.close()
        except Exception:
            pass


async def handle(client_reader, client_writer):
    try:
        server_reader, server_writer = await asyncio.open_connection("127.0.0.1", args.target)
    except OSError:
        client_writer.close()
        return
    await asyncio.gather(pump(client_reader, server_writer, True), pump(server_reader, client_writer, False))


async def watch_control():
    global delay_ms
    while True:
        if args.control_file and os.path.exists(args.control_file):
            try:
                with open(args.control_file) as f:
                    delay_ms = int(f.read().strip() or 0)
            except ValueError:
                pass
        await asyncio.sleep(0.2)


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", args.listen)
    print(f"slow proxy 127.0.0.1:{args.listen} -> 127.0.0.1:{args.target}", file=sys.stderr, flush=True)
    asyncio.create_task(watch_control())
    async with server:
        await asyncio.wait_for(server.serve_forever(), timeout=args.max_seconds)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--listen", type=int, required=True)
    parser.add_argument("--target", type=int, required=True)
    parser.add_argument("--delay-ms", type=int, default=0)
    parser.add_argument("--control-file")
    parser.add_argument("--max-seconds", type=int, default=3600)
    args = parser.parse_args()
    delay_ms = args.delay_ms
    try:
        asyncio.run(main())
    except (asyncio.TimeoutError, TimeoutError):
        pass
