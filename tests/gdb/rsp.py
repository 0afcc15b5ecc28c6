#!/usr/bin/env python3
"""rsp.py - raw Remote Serial Protocol checks of the gdb stub, for what
gdb-multiarch itself never sends to a MIPS target: hardware single step
(s, vCont;s), acknowledgements with a bad checksum, P on CP0 registers
(a read-only one accepts and ignores the write), G malformed, short and
good, X with escaped binary data, partial qXfer reads.

usage: rsp.py PORT WORDS   (minidisco --kernel prog.elf --gdb PORT
    --gdb-wait --cpus-per-node 2 must be listening; WORDS is the address
    of prog.elf's `words`, in hex)
Prints one line per failed check; exit status 1 if any failed.
"""
import socket
import sys


def checksum(data):
    """Two hex digits: the sum of the bytes modulo 256."""
    return "%02x" % (sum(data) % 256)


class Client:
    """A minimal gdb: sends packets, reads replies, acks on."""

    def __init__(self, port):
        self.s = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.buf = b""

    def byte(self):
        """The next byte from the stub."""
        while not self.buf:
            chunk = self.s.recv(4096)
            if not chunk:
                raise EOFError("stub closed the connection")
            self.buf += chunk
        b, self.buf = self.buf[:1], self.buf[1:]
        return b

    def send_raw(self, data, cs=None):
        """Send $data#cs (cs wrong on purpose if given); return the ack."""
        cs = cs or checksum(data)
        self.s.sendall(b"$" + data + b"#" + cs.encode())
        return self.byte()

    def reply(self):
        """Read one packet, check its checksum, ack it; its data."""
        while self.byte() != b"$":
            pass
        data = b""
        while True:
            b = self.byte()
            if b == b"#":
                break
            data += b
        cs = self.byte() + self.byte()
        if cs.decode() != checksum(data):
            raise ValueError("bad checksum on %r" % data)
        self.s.sendall(b"+")
        return data

    def ask(self, data):
        """Send a packet (expecting '+'), return the reply's data."""
        ack = self.send_raw(data)
        if ack != b"+":
            raise ValueError("ack %r for %r" % (ack, data))
        return self.reply()


def check_G(c, want):
    """G: a malformed or short packet is E01 and changes nothing, a good
    one (t0 changed) is OK."""
    regs = c.ask(b"g")
    t0 = b"00000000000000a5"
    good = regs[:8 * 16] + t0 + regs[9 * 16:]
    fcsr = 70 * 16  # regnum 70, after the 64-bit ones before it
    bad = good[:fcsr] + b"zz" + good[fcsr + 2:]
    want("G with bad hex", c.ask(b"G" + bad), b"E01")
    want("G with bad hex sets nothing", c.ask(b"g"), regs)
    want("G too short", c.ask(b"G" + good[:-2]), b"E01")
    want("G too short sets nothing", c.ask(b"g"), regs)
    want("G good", c.ask(b"G" + good), b"OK")
    want("G good sets t0", c.ask(b"p8"), t0)
    want("G good changes nothing else", c.ask(b"g"), good)


def main():
    port = int(sys.argv[1])
    c = Client(port)
    bad = []

    def want(what, got, expect):
        if got != expect:
            bad.append("%s: got %r, want %r" % (what, got, expect))

    def want_start(what, got, prefix):
        if not got.startswith(prefix):
            bad.append("%s: got %r, want %r..." % (what, got, prefix))

    want("bad checksum is nacked", c.send_raw(b"?", "00"), b"-")
    want_start("qSupported", c.ask(b"qSupported:swbreak+;hwbreak+"),
               b"PacketSize=")
    want("stop reply at reset", c.ask(b"?"), b"T05thread:1;")
    want("threads", c.ask(b"qfThreadInfo"), b"m1,2")
    want("thread list end", c.ask(b"qsThreadInfo"), b"l")
    want("thread 2 alive", c.ask(b"T2"), b"OK")
    want("thread 3 dead", c.ask(b"T3"), b"E01")
    pc0 = int(c.ask(b"p25"), 16)
    want("pc at the entry", pc0 & 0xffffffff, 0x80010000)
    want("s steps cpu 0", c.ask(b"s"), b"T05thread:1;")
    want("pc moved by 4", int(c.ask(b"p25"), 16), pc0 + 4)
    want("Hg2", c.ask(b"Hg2"), b"OK")
    want("cpu 1 has not moved", int(c.ask(b"p25"), 16), pc0)
    want("vCont;s:2", c.ask(b"vCont;s:2"), b"T05thread:2;")
    want("now cpu 1 moved", int(c.ask(b"p25"), 16), pc0 + 4)
    want("qC follows the stop", c.ask(b"qC"), b"QC2")
    want("P t0", c.ask(b"P8=ffffffffcafef00d"), b"OK")
    want("p t0", c.ask(b"p8"), b"ffffffffcafef00d")
    want("P hi", c.ask(b"P22=0000000000000001"), b"OK")
    want("p hi", c.ask(b"p22"), b"0000000000000001")
    st = c.ask(b"p20")
    im0 = b"%016x" % (int(st, 16) ^ 0x100)
    want("P status, IM0 toggled", c.ask(b"P20=" + im0), b"OK")
    want("p status shows it", c.ask(b"p20"), im0)
    want("P status back", c.ask(b"P20=" + st), b"OK")
    prid = c.ask(b"p53")  # regnum 83: prid, read-only
    want("P prid accepted", c.ask(b"P53=00001234"), b"OK")
    want("prid unchanged", c.ask(b"p53"), prid)
    check_G(c, want)
    # X at words: bytes 0x7d '}' and 0x23 '#' travel escaped.
    words = sys.argv[2].encode()
    esc = b"}" + bytes([0x7d ^ 0x20]) + b"}" + bytes([0x23 ^ 0x20])
    want("X escaped", c.ask(b"X" + words + b",2:" + esc), b"OK")
    want("m reads them back", c.ask(b"m" + words + b",2"), b"7d23")
    want("m of device space", c.ask(b"mbf000000,4"), b"E01")
    x = c.ask(b"qXfer:features:read:target.xml:0,20")
    want_start("qXfer first piece", x, b"m<?xml")
    want("qXfer past the end", c.ask(b"qXfer:features:read:target.xml:"
                                     b"100000,10"), b"l")
    want("unknown packet", c.ask(b"qNoSuchThing"), b"")
    want("kill", c.send_raw(b"vKill;1"), b"+")
    for line in bad:
        print(line)
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        sys.exit(2)
    try:
        sys.exit(main())
    except (OSError, EOFError, ValueError) as e:
        print("rsp.py: %s" % e)
        sys.exit(1)
