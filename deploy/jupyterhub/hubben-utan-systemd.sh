#!/usr/bin/env bash
# Starta, stoppa eller visa kursens JupyterHub på en server utan systemd (se README.md, "Utan systemd").
# Med systemd används i stället tjänsten jupyterhub.service (systemctl start|stop|status jupyterhub).
#
#   sudo bash hubben-utan-systemd.sh start|stopp|status
#
# Inställningarna läses från /etc/kurs/hub.env (KURS_SPAWNER=lokal sätts om den saknas).
# Loggen: /var/log/kurs-hub.log. Hubbens process-id: /var/lib/kurs-hub/jupyterhub.pid.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
VENV=${KURS_VENV:-/opt/kurs/venv}
STATE=${KURS_HUB_STATE:-/var/lib/kurs-hub}
LOG=${KURS_HUB_LOG:-/var/log/kurs-hub.log}
ENV_FILE=${KURS_ENV_FILE:-/etc/kurs/hub.env}
PIDFILE="$STATE/jupyterhub.pid"

if [ "$(id -u)" != 0 ]; then echo "Kör skriptet som root (sudo)." >&2; exit 1; fi

running() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

case "${1:-status}" in
  start)
    if running; then echo "Hubben kör redan (process $(cat "$PIDFILE"))."; exit 0; fi
    install -d -m 700 "$STATE"
    set -a
    [ -f "$ENV_FILE" ] && . "$ENV_FILE"
    set +a
    export KURS_SPAWNER=${KURS_SPAWNER:-lokal} KURS_HUB_STATE="$STATE" PATH="$VENV/bin:$PATH"
    cd "$STATE"
    nohup "$VENV/bin/jupyterhub" -f "$HERE/jupyterhub_config.py" >>"$LOG" 2>&1 &
    echo $! >"$PIDFILE"
    # wait until the hub answers, or its log tells why not
    url=${KURS_HUB_URL:-http://127.0.0.1:8000}
    for _ in $(seq 60); do
      if ! running; then echo "Hubben startade inte. Sista raderna i $LOG:" >&2; tail -20 "$LOG" >&2; exit 1; fi
      if "$VENV/bin/python" - "$url" <<'PY' 2>/dev/null; then
import ssl, sys, urllib.request
url = sys.argv[1].replace("0.0.0.0", "127.0.0.1")
urllib.request.urlopen(url + "/hub/api/", timeout=2, context=ssl._create_unverified_context())
PY
        echo "Hubben kör (process $(cat "$PIDFILE")) på $url. Logg: $LOG"; exit 0
      fi
      sleep 1
    done
    echo "Hubben svarar inte efter en minut. Se $LOG." >&2; exit 1 ;;
  stopp|stop)
    if ! running; then echo "Hubben kör inte."; rm -f "$PIDFILE"; exit 0; fi
    pid=$(cat "$PIDFILE")
    kill -TERM "$pid"
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || { rm -f "$PIDFILE"; echo "Hubben är stoppad."; exit 0; }; sleep 1; done
    echo "Hubben stoppade inte inom en minut; avslutar den." >&2
    kill -KILL "$pid"; rm -f "$PIDFILE" ;;
  status)
    if running; then echo "Hubben kör (process $(cat "$PIDFILE"))."; else echo "Hubben kör inte."; exit 3; fi ;;
  *)
    echo "Användning: $0 start|stopp|status" >&2; exit 2 ;;
esac
