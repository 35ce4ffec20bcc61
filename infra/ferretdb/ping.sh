#!/usr/bin/env bash
# ping.sh [HOST] [PORT] — asks a MongoDB wire-protocol server (FerretDB here) {ping: 1, $db:
# "admin"} in an OP_MSG and exits 0 when it answers {ok: 1.0}. Needs only bash, dd, od and
# timeout: no mongosh, no driver. Used as FerretDB's readiness probe.
set -euo pipefail
host=${1:-127.0.0.1}
port=${2:-27018}

exec 3<>"/dev/tcp/$host/$port"
# Header: messageLength 51, requestID 1, responseTo 0, opCode 2013 (OP_MSG); flagBits 0;
# section kind 0 then the BSON document {ping: int32 1, $db: "admin"} of 30 bytes.
printf '\x33\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\xdd\x07\x00\x00''\x00\x00\x00\x00''\x00''\x1e\x00\x00\x00''\x10ping\x00\x01\x00\x00\x00''\x02\x24db\x00\x06\x00\x00\x00admin\x00''\x00' >&3

# Reply: read its 4-byte little-endian length, then the rest, byte by byte (dd bs=1 never
# reads past the message).
length=$(timeout 5 dd bs=1 count=4 <&3 2>/dev/null | od -An -tu4 | tr -d ' \n')
[[ $length =~ ^[0-9]+$ ]] && ((length > 16 && length < 65536)) || exit 1
reply=$(timeout 5 dd bs=1 count=$((length - 4)) <&3 2>/dev/null | od -An -v -tx1 | tr -d ' \n')
exec 3>&-
# The element `ok` as the double 1.0: type 0x01, "ok\0", 00 00 00 00 00 00 f0 3f.
[[ $reply == *016f6b00000000000000f03f* ]]
