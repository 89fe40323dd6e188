"""A plain libzmq peer for Ringway's interop tests, run as /usr/bin/python3 peer.py MODE ARGS...

Every mode talks to 127.0.0.1 only, waits at most TIMEOUT_MS for anything it receives, prints one line per
event to stdout (flushed), and exits by itself: 0 on success, 2 on a timeout.
"""
import sys
import zmq
from zmq.utils.monitor import recv_monitor_message

TIMEOUT_MS = 10000


def say(line):
    print(line, flush=True)


def socket(kind):
    ctx = zmq.Context.instance()
    s = ctx.socket(kind)
    s.setsockopt(zmq.RCVTIMEO, TIMEOUT_MS)
    s.setsockopt(zmq.SNDTIMEO, TIMEOUT_MS)
    s.setsockopt(zmq.LINGER, 2000)
    return s


def sub(endpoint, prefix, count):
    s = socket(zmq.SUB)
    s.setsockopt(zmq.SUBSCRIBE, prefix.encode())
    s.connect(endpoint)
    say("ready")
    for _ in range(int(count)):
        frames = s.recv_multipart()
        say("|".join(f.decode() for f in frames))


def push(endpoint, count):
    """Connects, waits for the handshake, sends COUNT messages, then exits once they are out (up to TIMEOUT_MS).

    Without the wait, a loaded host could spend the whole 2 s linger on the handshake and drop every message.
    """
    s = socket(zmq.PUSH)
    s.setsockopt(zmq.LINGER, TIMEOUT_MS)
    monitor = s.get_monitor_socket(zmq.EVENT_HANDSHAKE_SUCCEEDED)
    monitor.setsockopt(zmq.RCVTIMEO, TIMEOUT_MS)
    s.connect(endpoint)
    recv_monitor_message(monitor)
    for i in range(int(count)):
        s.send(b"job-%d" % i)
    say("sent")


def push_bind(peers, count):
    """Binds, waits until PEERS have completed the handshake, then sends COUNT messages round-robin."""
    s = socket(zmq.PUSH)
    monitor = s.get_monitor_socket(zmq.EVENT_HANDSHAKE_SUCCEEDED)
    monitor.setsockopt(zmq.RCVTIMEO, TIMEOUT_MS)
    s.bind("tcp://127.0.0.1:*")
    say(s.getsockopt(zmq.LAST_ENDPOINT).decode())
    for _ in range(int(peers)):
        recv_monitor_message(monitor)
    for i in range(int(count)):
        s.send(b"job-%d" % i)
    say("sent")


def pull(endpoint, count):
    """Connects, prints "ready", then prints each of COUNT messages; a stop/continue in between is fine."""
    s = socket(zmq.PULL)
    s.setsockopt(zmq.RCVTIMEO, 3 * TIMEOUT_MS)
    s.connect(endpoint)
    say("ready")
    for _ in range(int(count)):
        say(s.recv().decode())


def req(endpoint, count):
    """A REQ client: COUNT requests q-<i>, one at a time, printing each reply."""
    s = socket(zmq.REQ)
    s.connect(endpoint)
    for i in range(int(count)):
        s.send(b"q-%d" % i)
        say(s.recv().decode())


def dealer(endpoint, count):
    """A DEALER client with COUNT requests in flight at once, RFC 28 envelope: prints "ok COUNT" when every
    reply came back once, to its own request."""
    s = socket(zmq.DEALER)
    s.connect(endpoint)
    for i in range(int(count)):
        s.send_multipart([b"", b"q-%d" % i])
    expected = {b"re:q-%d" % i for i in range(int(count))}
    seen = set()
    for _ in range(int(count)):
        empty, body = s.recv_multipart()
        if empty != b"" or body not in expected or body in seen:
            say("bad reply %r %r" % (empty, body))
            sys.exit(1)
        seen.add(body)
    say("ok %d" % len(seen))


def routed_dealer(endpoint, routing_id, count):
    """A DEALER with a routing id, plain [body] frames: sends COUNT messages "ID-i", then prints each message the
    ROUTER sends it until it has COUNT of them, then "ok COUNT"."""
    s = socket(zmq.DEALER)
    s.setsockopt(zmq.ROUTING_ID, routing_id.encode())
    s.connect(endpoint)
    for i in range(int(count)):
        s.send(b"%s-%d" % (routing_id.encode(), i))
    for _ in range(int(count)):
        say(s.recv().decode())
    say("ok %s" % count)


def rep_bind(count):
    """A REP server: binds, prints its endpoint, answers COUNT requests with re:<request>."""
    s = socket(zmq.REP)
    s.bind("tcp://127.0.0.1:*")
    say(s.getsockopt(zmq.LAST_ENDPOINT).decode())
    for _ in range(int(count)):
        s.send(b"re:" + s.recv())
    say("served %s" % count)


def rep_silent():
    """A REP server that takes one request and never answers: binds, prints its endpoint, then "silent"."""
    s = socket(zmq.REP)
    s.bind("tcp://127.0.0.1:*")
    say(s.getsockopt(zmq.LAST_ENDPOINT).decode())
    s.recv()
    say("silent")
    s.poll(TIMEOUT_MS)


def pull_in_order(endpoint, count):
    """Connects, prints "ready", receives COUNT messages "m<i> <padding>" and prints "ok COUNT" if every one came,
    in order; else the first one out of place."""
    s = socket(zmq.PULL)
    s.setsockopt(zmq.RCVTIMEO, 3 * TIMEOUT_MS)
    s.connect(endpoint)
    say("ready")
    for i in range(int(count)):
        head = s.recv().split(b" ")[0]
        if head != b"m%d" % i:
            say("expected m%d, got %s" % (i, head.decode()))
            sys.exit(1)
    say("ok %s" % count)


def push_twice(endpoint):
    """Connects, sends "before", then waits for a line on stdin before sending "after"."""
    s = socket(zmq.PUSH)
    s.connect(endpoint)
    s.send(b"before")
    say("sent before")
    sys.stdin.readline()
    s.send(b"after")
    say("sent after")


def curve_push(endpoint, server_public, client_public, client_secret, count):
    """A PUSH client: CURVE with the given keys ("-" for none: plain NULL), then prints how its handshake ended:
    "succeeded" (and sends COUNT messages), "auth-failed" or "failed" with the event number."""
    s = socket(zmq.PUSH)
    if server_public != "-":
        s.curve_serverkey = server_public.encode()
        s.curve_publickey = client_public.encode()
        s.curve_secretkey = client_secret.encode()
    monitor = s.get_monitor_socket()
    monitor.setsockopt(zmq.RCVTIMEO, TIMEOUT_MS)
    s.connect(endpoint)
    while True:
        event = recv_monitor_message(monitor)["event"]
        if event == zmq.EVENT_HANDSHAKE_SUCCEEDED:
            for i in range(int(count)):
                s.send(b"secret-%d" % i)
            say("succeeded")
            return
        if event == zmq.EVENT_HANDSHAKE_FAILED_AUTH:
            say("auth-failed")
            return
        if event in (zmq.EVENT_HANDSHAKE_FAILED_PROTOCOL, zmq.EVENT_HANDSHAKE_FAILED_NO_DETAIL,
                     zmq.EVENT_DISCONNECTED):
            say("failed %d" % event)
            return


def pub_bind():
    """Binds an XPUB (a PUB that reports subscriptions), waits for one subscription, then publishes one-frame and
    two-frame messages, as a PUB application may mix them, and one of three frames."""
    s = socket(zmq.XPUB)
    s.bind("tcp://127.0.0.1:*")
    say(s.getsockopt(zmq.LAST_ENDPOINT).decode())
    say("subscribed:" + s.recv()[1:].decode())
    s.send(b"EURUSD 1.1")
    s.send(b"GBPUSD 1.3")
    s.send_multipart([b"EURGBP", b"0.9"])
    s.send_multipart([b"GBPJPY", b"190"])
    s.send_multipart([b"EURJPY", b"16", b"extra"])
    s.send(b"EURCHF 0.95")
    say("sent")


def pair_connect(endpoint):
    s = socket(zmq.PAIR)
    s.connect(endpoint)
    s.send(b"ping")
    say(s.recv().decode())


def pair_bind():
    s = socket(zmq.PAIR)
    s.bind("tcp://127.0.0.1:*")
    say(s.getsockopt(zmq.LAST_ENDPOINT).decode())
    s.send(b"hello")
    say(s.recv().decode())


def main():
    mode, args = sys.argv[1], sys.argv[2:]
    try:
        {"sub": sub, "push": push, "push-bind": push_bind, "pull": pull, "curve-push": curve_push, "pull-in-order": pull_in_order, "push-twice": push_twice, "req": req, "dealer": dealer, "routed-dealer": routed_dealer, "rep-bind": rep_bind, "rep-silent": rep_silent, "pub-bind": pub_bind, "pair-connect": pair_connect, "pair-bind": pair_bind}[mode](*args)
    except zmq.Again:
        say("timeout")
        sys.exit(2)


if __name__ == "__main__":
    main()
