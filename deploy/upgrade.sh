#!/bin/sh
# Upgrade the gift proxy to RELEASE, backup first (README: Upgrading):
#   git show RELEASE:deploy/upgrade.sh | sh -s RELEASE
set -eu
release="${1:?name the release (a tag or commit) to upgrade to}"
app="${APP_DIR:-/opt/gift-proxy/app}"
env_file="${ENV_FILE:-/etc/gift-proxy/env}"
backups="${BACKUP_DIR:-/var/backups/gift-proxy}"
setting() { sed -n "s/^$1=//p" "$env_file" | tail -n 1; }
data="$(setting DATA_DIR)" && data="${data:-$app/data}"
port="$(setting PORT)" && port="${port:-8787}"

# Checked while the old release still runs: nothing below can stop half-way on these.
cd "$app"
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "$app has local changes (see git status): commit or discard them first. Nothing was changed." >&2
  exit 1
fi
git fetch --quiet --tags origin
if ! git rev-parse --verify --quiet "$release^{commit}" >/dev/null; then
  echo "There is no release $release in $app, even after git fetch. Nothing was changed." >&2
  exit 1
fi
install -d -m 0700 "$backups"
backup="$backups/gifts-before-upgrade-$(date -u +%Y%m%dT%H%M%SZ).db"

systemctl stop gift-proxy
# With the proxy stopped the copy is exact, whatever the old release (before 0.2 it locked the journal).
if [ -s "$data/gifts.db" ]; then
  sqlite3 "$data/gifts.db" ".backup '$backup'"
  chmod 0600 "$backup"
  chown --reference="$data" "$data"/gifts.db*
  echo "Backed up $(sqlite3 "$backup" 'SELECT COUNT(*) FROM gifts') gifts to $backup"
fi
git rev-parse HEAD >"$backups/release-before-upgrade"

git -c advice.detachedHead=false checkout --quiet "$release"
npm ci --omit=dev --no-audit --no-fund
systemctl start gift-proxy

for _ in $(seq 1 30); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
    echo "$(git describe --tags --always) is running and ready."
    exit 0
  fi
  sleep 1
done
echo "The new release is not ready after 30 s: journalctl -u gift-proxy -n 30 says why. To go back: sh deploy/rollback.sh" >&2
exit 1
