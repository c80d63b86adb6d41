#!/bin/sh
# Go back to the release that ran before the last upgrade (README: Rolling back):
#   git show HEAD:deploy/rollback.sh | sh
set -eu
app="${APP_DIR:-/opt/gift-proxy/app}"
env_file="${ENV_FILE:-/etc/gift-proxy/env}"
backups="${BACKUP_DIR:-/var/backups/gift-proxy}"
setting() { sed -n "s/^$1=//p" "$env_file" | tail -n 1; }
data="$(setting DATA_DIR)" && data="${data:-$app/data}"
port="$(setting PORT)" && port="${port:-8787}"
previous="$(cat "$backups/release-before-upgrade")"
backup="$(ls -1 "$backups"/gifts-before-upgrade-*.db | tail -n 1)"
journal="$data/gifts.db"

cd "$app"
git rev-parse --verify --quiet "$previous^{commit}" >/dev/null
systemctl stop gift-proxy

if [ "$(sqlite3 "$journal" 'PRAGMA user_version')" != "$(sqlite3 "$backup" 'PRAGMA user_version')" ]; then
  # The upgrade changed the journal's schema: the previous release gets the copy taken before it.
  aside="$journal.from-upgrade-$(date -u +%Y%m%dT%H%M%SZ)"
  for suffix in "" -wal -shm; do
    if [ -e "$journal$suffix" ]; then mv "$journal$suffix" "$aside$suffix"; fi
  done
  install -o "$(stat -c %U "$data")" -g "$(stat -c %G "$data")" -m 0600 "$backup" "$journal"
  since="SELECT transaction_id, status FROM gifts WHERE transaction_id NOT IN (SELECT transaction_id FROM before_upgrade.gifts)"
  echo "Restored $backup (the journal's schema changed in the upgrade); the newer journal is kept as $aside."
  echo "Gifts entered since the upgrade (those not accepted must be entered again):"
  sqlite3 "$aside" "ATTACH '$backup' AS before_upgrade; $since;"
fi

chown --reference="$data" "$data"/gifts.db*
git -c advice.detachedHead=false checkout --quiet "$previous"
npm ci --omit=dev --no-audit --no-fund
systemctl start gift-proxy

for _ in $(seq 1 30); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
    echo "$(git describe --tags --always) is running again."
    exit 0
  fi
  sleep 1
done
echo "The previous release is not ready after 30 s: journalctl -u gift-proxy -n 30 says why." >&2
exit 1
