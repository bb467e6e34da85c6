#!/usr/bin/env bash
# Säkerhetskopiera kursens betygsbok och inlämningar (körs som root, av kurs-backup.timer eller cron).
#
#   KURS_KURSMAPP   kursledarens kursmapp (standard /home/kursledare/kurs)
#   KURS_BACKUP_DIR var kopiorna sparas  (standard /var/backups/kurs)
#   KURS_BACKUP_DAGAR hur många dagar kopiorna sparas (standard 30)
#   KURS_PYTHON     python som används för en säker kopia av SQLite-filen (standard python3)
#   KURS_DB_URL     betygsbokens adress, som i nbgrader_config.py (standard: SQLite-filen gradebook.db i
#                   kursmappen). Är det en PostgreSQL-adress (postgresql+psycopg2://...) kopieras databasen
#                   med pg_dump (paketet postgresql-client) till betygsbok.pgdump i stället.
#
# Resultat: $KURS_BACKUP_DIR/kurs-ÅÅÅÅMMDD-TTMMSS.tar.gz med gradebook.db (en konsistent kopia, även
# medan formgrader används) eller betygsbok.pgdump, submitted/, autograded/, feedback/ och nbgrader_config.py.
# Återställning: se README.md, avsnittet "Återställa".
set -euo pipefail
umask 077

kursmapp=${KURS_KURSMAPP:-/home/kursledare/kurs}
backup_dir=${KURS_BACKUP_DIR:-/var/backups/kurs}
dagar=${KURS_BACKUP_DAGAR:-30}
python=${KURS_PYTHON:-python3}
db_url=${KURS_DB_URL:-}

case "$db_url" in
  "")        databas=sqlite; db_fil="$kursmapp/gradebook.db" ;;
  sqlite:///*)
             databas=sqlite; db_fil=${db_url#sqlite:///}; db_fil=${db_fil%%\?*}
             case "$db_fil" in /*) ;; *) db_fil="$kursmapp/$db_fil" ;; esac ;;
  postgres://*|postgresql://*|postgres+*://*|postgresql+*://*)
             databas=postgresql
             # libpq wants the address without SQLAlchemy's driver name (+psycopg2); the password goes
             # to pg_dump in PGPASSWORD, not on its command line (which every user on the server can see).
             { IFS= read -r pg_url; IFS= read -r PGPASSWORD || true; } < <("$python" -c '
import sys, urllib.parse as up
p = up.urlsplit("postgresql://" + sys.argv[1].split("://", 1)[1])
user, _, host = p.netloc.rpartition("@")
netloc = (user.split(":", 1)[0] + "@" if user else "") + host
print(up.urlunsplit(p._replace(netloc=netloc)))
print(up.unquote(p.password or ""))' "$db_url")
             export PGPASSWORD ;;
  *)
    echo "KURS_DB_URL pekar på en databas som skriptet inte kan säkerhetskopiera: ${db_url%%:*}." >&2
    echo "Säkerhetskopiera den med databasens egna verktyg. Skriptet hanterar SQLite och PostgreSQL." >&2
    exit 1 ;;
esac

if [ ! -f "$kursmapp/nbgrader_config.py" ]; then
  echo "Hittar ingen kursmapp: $kursmapp (med nbgrader_config.py). Kontrollera KURS_KURSMAPP i /etc/kurs/hub.env." >&2
  exit 1
fi
if [ "$databas" = sqlite ] && [ ! -f "$db_fil" ]; then
  # a new course: the gradebook is made when the instructor first opens Formgrader (or runs `kurs`)
  echo "Ingen betygsbok ännu i $kursmapp (den skapas när kursledaren öppnar Formgrader): inget att säkerhetskopiera."
  exit 0
fi
if [ "$databas" = postgresql ] && ! command -v pg_dump >/dev/null 2>&1; then
  echo "Betygsboken ligger i PostgreSQL (KURS_DB_URL), men pg_dump saknas på den här datorn." >&2
  echo "Installera PostgreSQL-klienten (Debian: sudo apt-get install postgresql-client, samma eller" >&2
  echo "nyare huvudversion än servern) och kör skriptet igen – eller säkerhetskopiera databasen med" >&2
  echo "databastjänstens egen backup och kör då skriptet utan KURS_DB_URL bara för filerna." >&2
  echo "För hand: pg_dump --format=custom --file betygsbok.pgdump 'postgresql://ANVÄNDARE@SERVER/DATABAS'" >&2
  exit 1
fi
mkdir -p "$backup_dir"
chmod 700 "$backup_dir"
stamp=$(date +%Y%m%d-%H%M%S)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/kurs"

if [ "$databas" = postgresql ]; then
  # pg_dump gives a consistent snapshot even while someone is grading. Restore: pg_restore (README.md).
  if ! pg_dump --format=custom --no-owner --file "$tmp/kurs/betygsbok.pgdump" "$pg_url" 2>"$tmp/pg_dump.log"; then
    echo "pg_dump kunde inte kopiera betygsboken i PostgreSQL:" >&2
    sed -E 's#(postgres(ql)?://[^:@/]*:)[^@]*@#\1***@#g' "$tmp/pg_dump.log" >&2
    echo "Kontrollera att databasservern är igång och att KURS_DB_URL (adress, användare, lösenord) stämmer." >&2
    exit 1
  fi
else
# SQLite's own backup API: a consistent copy even if someone is grading right now.
"$python" - "$db_fil" "$tmp/kurs/gradebook.db" <<'PY'
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
fi

for d in submitted autograded feedback nbgrader_config.py; do
  if [ -e "$kursmapp/$d" ]; then cp -a "$kursmapp/$d" "$tmp/kurs/"; fi
done
arkiv="$backup_dir/kurs-$stamp.tar.gz"
tar -C "$tmp" -czf "$arkiv.tmp" kurs
mv "$arkiv.tmp" "$arkiv"
find "$backup_dir" -maxdepth 1 -name 'kurs-*.tar.gz' -mtime +"$dagar" -delete
echo "$arkiv"
