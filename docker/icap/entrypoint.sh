#!/bin/sh
set -e
freshclam --stdout || echo "freshclam failed; clamd starts with the signatures it has"
clamd --config-file=/etc/portcullis-icap/clamd.conf
exec c-icap -N -D -f /etc/portcullis-icap/c-icap.conf
