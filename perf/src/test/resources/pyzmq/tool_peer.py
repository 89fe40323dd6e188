"""A plain libzmq peer for the peer tools' tests, run as /usr/bin/python3 tool_peer.py MODE ARGS...

Talks to 127.0.0.1 only, waits at most TIMEOUT_MS for anything it receives, prints one line per event (flushed)
and exits by itself: 0 on success, 2 on a timeout.
"""
import sys
import zmq

TIMEOUT_MS = 10000


def say(line):
    print(line, flush=True)


def socket(kind):
    s = zmq.Context.instance().socket(kind)
    s.setsockopt(zmq.RCVTIMEO, TIMEOUT_MS)
    s.setsockopt(zmq.SNDTIMEO, TIMEOUT_MS)
    s.setsockopt(zmq.LINGER, 2000)
    return s


def push(endpoint, count):
    """Connects a PUSH and sends COUNT messages m<i>."""
    s = socket(zmq.PUSH)
    s.connect(endpoint)
    for i in range(int(count)):
        s.send(b"m%d" % i)
    s.close(linger=TIMEOUT_MS)  # waits until every message is on the wire, or TIMEOUT_MS
    zmq.Context.instance().term()
    say("sent %s" % count)


def rep_bind():
    """Binds a REP, prints its endpoint, then echoes every request until none comes for TIMEOUT_MS."""
    s = socket(zmq.REP)
    s.bind("tcp://127.0.0.1:*")
    say(s.getsockopt(zmq.LAST_ENDPOINT).decode())
    served = 0
    while True:
        try:
            request = s.recv()
        except zmq.Again:
            break
        s.send(request)
        served += 1
    say("served %d" % served)


if __name__ == "__main__":
    mode = sys.argv[1]
    try:
        {"push": push, "rep-bind": rep_bind}[mode](*sys.argv[2:])
    except zmq.Again:
        say("timeout")
        sys.exit(2)
