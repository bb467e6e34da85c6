#!/usr/bin/env bash
# Installera kursens JupyterHub på en ny Debian/Ubuntu-server. Körs som root, från kursrepots kopia i
# /opt/kurs/kurspaket:
#
#   sudo bash /opt/kurs/kurspaket/deploy/jupyterhub/install.sh [KURSLEDARENS-ANVÄNDARNAMN]
#
# Skriptet kan köras igen (till exempel efter en uppdatering av kursen): det som redan finns behålls.
# Se README.md i samma mapp för hela guiden.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
VENV=${KURS_VENV:-/opt/kurs/venv}
KURSLEDARE=${1:-kursledare}
HERE="$REPO/deploy/jupyterhub"

if [ "$(id -u)" != 0 ]; then echo "Kör skriptet som root (sudo)." >&2; exit 1; fi
if [ "$REPO" != /opt/kurs/kurspaket ] || [ "$VENV" != /opt/kurs/venv ]; then
  echo "OBS: kursen ligger i $REPO och Python-miljön i $VENV. systemd- och cron-filerna skrivs med de" >&2
  echo "sökvägarna, men guiden förutsätter /opt/kurs/kurspaket och /opt/kurs/venv." >&2
fi

echo "== 1/7 Debian-paket"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
pkgs="python3 python3-venv acl sqlite3 bubblewrap"  # bubblewrap: sandbox for Autograde
# Node.js from another source (e.g. NodeSource) brings its own npm, which conflicts with Debian's npm.
command -v node >/dev/null || pkgs="$pkgs nodejs"
command -v npm >/dev/null || pkgs="$pkgs npm"
apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "Node.js $(node --version) är för gammal: configurable-http-proxy behöver version 20 eller senare." >&2
  echo "Använd Debian 13, eller installera Node.js 20 från NodeSource, och kör skriptet igen." >&2
  exit 1
fi

echo "== 2/7 Python-miljö i $VENV"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet "$REPO[hub]"
"$VENV/bin/python" -m upphandlingskurs.labsetup

echo "== 3/7 configurable-http-proxy (npm, version enligt package-lock.json)"
(cd "$REPO" && npm ci --no-audit --no-fund --loglevel=error)

echo "== 4/7 Inställningar i /etc/kurs"
install -d -m 755 /etc/kurs
[ -f /etc/kurs/hub.env ] || install -m 600 "$HERE/hub.env.example" /etc/kurs/hub.env
set -a; . /etc/kurs/hub.env; set +a
for f in ${KURS_TLS_CERT:-} ${KURS_TLS_KEY:-}; do
  if [ ! -r "$f" ]; then
    echo "Certifikatet saknas: $f. Lägg det där (steg 2 i README.md) eller ändra /etc/kurs/hub.env, och kör skriptet igen." >&2
    exit 1
  fi
done

echo "== 5/7 Grupper, kursledare och inlämningsmapp"
"$VENV/bin/python" -m upphandlingskurs.hub.admin forbered --kursledare "$KURSLEDARE" --losenord /root/kurs-losenord.csv
# the backup copies this instructor's course folder
if ! grep -q '^KURS_KURSMAPP=' /etc/kurs/hub.env; then
  echo "KURS_KURSMAPP=$(getent passwd "$KURSLEDARE" | cut -d: -f6)/kurs" >> /etc/kurs/hub.env
fi

echo "== 6/7 Lösningarna bara för kursledare"
# Deltagarna kan läsa kurspaketet (deras Jupyter-inställningar ligger här), men inte lösningarna
# och inte git-historiken (som också innehåller lösningarna).
for d in solutions .git tests; do
  if [ -e "$REPO/$d" ]; then
    chgrp -R "${KURS_GRUPP_KURSLEDARE:-kurs-kursledare}" "$REPO/$d"
    chmod -R o-rwx "$REPO/$d"
  fi
done

if [ -d /run/systemd/system ]; then
  echo "== 7/7 systemd: hubben och säkerhetskopian"
  # The unit files name /opt/kurs/venv and /opt/kurs/kurspaket; they are installed with this installation's paths.
  for unit in jupyterhub.service kurs-backup.service kurs-backup.timer; do
    sed -e "s#/opt/kurs/venv#$VENV#g" -e "s#/opt/kurs/kurspaket#$REPO#g" "$HERE/systemd/$unit" >"/etc/systemd/system/$unit.tmp"
    chmod 644 "/etc/systemd/system/$unit.tmp"
    mv "/etc/systemd/system/$unit.tmp" "/etc/systemd/system/$unit"
  done
  systemctl daemon-reload
  systemctl enable --now kurs-backup.timer
  # A restart (not only start), so that a run after an update of the course uses the new files. The
  # participants' servers are systemd units of their own and keep running (cleanup_servers = False).
  systemctl enable jupyterhub.service
  systemctl restart jupyterhub.service
  # Wait until the hub answers on its internal address: a wrong setting (e.g. a missing certificate) shows here.
  hub_api=${KURS_HUB_API_URL:-http://127.0.0.1:8081}
  if ! "$VENV/bin/python" - "$hub_api/hub/api/" <<'PY'
import sys, time, urllib.request
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    try:
        opener.open(sys.argv[1], timeout=5).close()
        sys.exit(0)
    except OSError:
        time.sleep(1)
sys.exit(1)
PY
  then
    journalctl --unit=jupyterhub.service --no-pager --lines=30 || true
    echo "Hubben startade inte (svarar inte på $hub_api). Se felet ovan och: journalctl -u jupyterhub" >&2
    exit 1
  fi
  systemctl --no-pager --lines=5 status jupyterhub.service || true
  start_hint="systemctl restart jupyterhub"
else
  echo "== 7/7 Ingen systemd: servrarna i egna cgroups, säkerhetskopian med cron"
  grep -q '^KURS_SPAWNER=' /etc/kurs/hub.env || echo "KURS_SPAWNER=lokal" >> /etc/kurs/hub.env
  if [ -d /etc/cron.d ]; then
    sed -e "s#/opt/kurs/venv#$VENV#g" -e "s#/opt/kurs/kurspaket#$REPO#g" "$HERE/kurs-backup.cron" >/etc/cron.d/kurs-backup
    chmod 644 /etc/cron.d/kurs-backup
  else
    echo "OBS: /etc/cron.d saknas (installera cron) – säkerhetskopian körs inte automatiskt." >&2
  fi
  # a restart, so that a run after an update of the course uses the new files (the servers restart too)
  KURS_VENV="$VENV" bash "$HERE/hubben-utan-systemd.sh" stopp
  KURS_VENV="$VENV" bash "$HERE/hubben-utan-systemd.sh" start
  start_hint="bash $HERE/hubben-utan-systemd.sh stopp && bash $HERE/hubben-utan-systemd.sh start"
fi

echo
echo "Klart. Kursledarens lösenord (om kontot skapades nu) står i /root/kurs-losenord.csv."
echo "Lägg till deltagare: $VENV/bin/python -m upphandlingskurs.hub.admin lagg-till --fil deltagare.txt"
echo "Efter en ändring i /etc/kurs/hub.env: $start_hint"
