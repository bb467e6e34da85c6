#!/usr/bin/env bash
# Säkerhetskopiera kursens betygsbok och inlämningar (körs som root, av kurs-backup.timer eller cron).
#
#   KURS_KURSMAPP   kursledarens kursmapp (standard /home/kursledare/kurs)
#   KURS_BACKUP_DIR var kopiorna sparas  (standard /var/backups/kurs)
#   KURS_BACKUP_DAGAR hur många dagar kopiorna sparas (standard 30)
#   KURS_PYTHON     python som används för en säker kopia av SQLite-filen (standard python3)
#
# Resultat: $KURS_BACKUP_DIR/kurs-ÅÅÅÅMMDD-TTMMSS.tar.gz med gradebook.db (en konsistent kopia, även
# medan formgrader används), submitted/, autograded/, feedback/ och nbgrader_config.py.
# Återställning: se README.md, avsnittet "Återställa".
set -euo pipefail
umask 077

kursmapp=${KURS_KURSMAPP:-/home/kursledare/kurs}
backup_dir=${KURS_BACKUP_DIR:-/var/backups/kurs}
dagar=${KURS_BACKUP_DAGAR:-30}
python=${KURS_PYTHON:-python3}

if [ ! -f "$kursmapp/gradebook.db" ]; then
  echo "Hittar ingen betygsbok: $kursmapp/gradebook.db" >&2
  exit 1
fi
mkdir -p "$backup_dir"
chmod 700 "$backup_dir"
stamp=$(date +%Y%m%d-%H%M%S)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/kurs"

# SQLite's own backup API: a consistent copy even if someone is grading right now.
"$python" - "$kursmapp/gradebook.db" "$tmp/kurs/gradebook.db" <<'PY'
import sqlite3, sys
src = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
dst = sqlite3.connect(sys.argv[2])
with dst:
    src.backup(dst)
ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
src.close(); dst.close()
if ok != "ok":
    sys.exit(f"Kopian av betygsboken är skadad: {ok}")
PY

for d in submitted autograded feedback nbgrader_config.py; do
  if [ -e "$kursmapp/$d" ]; then cp -a "$kursmapp/$d" "$tmp/kurs/"; fi
done
arkiv="$backup_dir/kurs-$stamp.tar.gz"
tar -C "$tmp" -czf "$arkiv.tmp" kurs
mv "$arkiv.tmp" "$arkiv"
find "$backup_dir" -maxdepth 1 -name 'kurs-*.tar.gz' -mtime +"$dagar" -delete
echo "$arkiv"
