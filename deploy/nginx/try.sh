#!/bin/sh
# Checks deploy/nginx/jiangxin.conf and serves the app through it, on this machine:
#   deploy/nginx/try.sh                 nginx -t on the sample (addresses and certificate
#                                       replaced by local ones)
#   DATABASE_URL=postgres://… deploy/nginx/try.sh run
#                                       also starts two app servers on that (migrated) database
#                                       as two "machines", puts nginx in front and checks that
#                                       both answer through it, a board page comes back, and
#                                       a live stream is passed through unbuffered.
# Needs nginx (apt-get install nginx-light) and openssl; a build (npm run build; JX_BUILD_NAME).
# Ports: TRY_PORT (default 3380) for HTTPS, the next one for HTTP, the two after for the apps.
set -eu
cd "$(dirname "$0")/../.."
PORT=${TRY_PORT:-3380}
HTTP=$((PORT + 1)); APP1=$((PORT + 2)); APP2=$((PORT + 3))
DIR=$(mktemp -d)
PIDS=""
cleanup() {
  [ -f "$DIR/nginx.pid" ] && kill "$(cat "$DIR/nginx.pid")" 2>/dev/null || true
  for pid in $PIDS; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$DIR"
}
trap cleanup EXIT INT TERM

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" \
  -keyout "$DIR/privkey.pem" -out "$DIR/fullchain.pem" 2>/dev/null
sed -e "s#server 10.0.0.11:3000#server 127.0.0.1:$APP1#" \
    -e "s#server 10.0.0.12:3000#server 127.0.0.1:$APP2#" \
    -e "s#listen 80;#listen 127.0.0.1:$HTTP;#" -e "s#listen 443 ssl#listen 127.0.0.1:$PORT ssl#" \
    -e "/listen \[::\]/d" -e "s#/etc/ssl/jiangxin#$DIR#" \
    deploy/nginx/jiangxin.conf > "$DIR/jiangxin.conf"
cat > "$DIR/nginx.conf" <<CONF
pid $DIR/nginx.pid;
error_log $DIR/error.log;
worker_processes 1;
events { worker_connections 1024; }
http {
  access_log $DIR/access.log;
  client_body_temp_path $DIR/body;
  proxy_temp_path $DIR/proxy;
  fastcgi_temp_path $DIR/fastcgi;
  uwsgi_temp_path $DIR/uwsgi;
  scgi_temp_path $DIR/scgi;
  include $DIR/jiangxin.conf;
}
CONF
nginx -t -p "$DIR" -c "$DIR/nginx.conf"
[ "${1:-}" = "run" ] || exit 0

case "${DATABASE_URL:-}" in
  postgres://*|postgresql://*) ;;
  *) echo "run needs DATABASE_URL=postgres://… (two machines share one PostgreSQL database)"; exit 1 ;;
esac
BUILD=${JX_BUILD_NAME:-build}
for port in $APP1 $APP2; do
  NODE_ENV=production PORT=$port HOST=127.0.0.1 WEB_CONCURRENCY=1 TRUST_PROXY=1 COOKIE_SECURE=0 \
    PUBLIC_BASE_URL="https://localhost:$PORT" \
    node --import tsx app/server/serve.ts "./$BUILD/index.js" > "$DIR/app-$port.log" 2>&1 &
  PIDS="$PIDS $!"
done
for port in $APP1 $APP2; do
  i=0
  until curl -sf "http://127.0.0.1:$port/healthz" > /dev/null; do
    i=$((i + 1)); [ $i -gt 240 ] && { cat "$DIR/app-$port.log"; exit 1; }; sleep 0.5
  done
done
nginx -p "$DIR" -c "$DIR/nginx.conf"
BASE="https://localhost:$PORT"

# Both machines answer through the proxy (least_conn spreads idle requests in turn).
pids=$(for i in 1 2 3 4 5 6; do curl -sk "$BASE/healthz"; echo; done | sed -n 's/.*"pid":\([0-9]*\).*/\1/p' | sort -u | wc -l)
[ "$pids" -eq 2 ] || { echo "FAIL: /healthz through nginx reached $pids app process(es), not 2"; exit 1; }
echo "ok: /healthz through nginx reaches both machines"
curl -sk "$BASE/healthz" | grep -q '"transport":"postgresql","connected":true' \
  || { echo "FAIL: the app machines do not hear each other's changes"; exit 1; }
echo "ok: the machines share changes through PostgreSQL"

code=$(curl -sk -o /dev/null -w '%{http_code}' "$BASE/results")
[ "$code" = 200 ] || { echo "FAIL: /results through nginx answered $code"; exit 1; }
echo "ok: /results through nginx"
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP/results")
[ "$code" = 301 ] || { echo "FAIL: plain HTTP answered $code, not a redirect"; exit 1; }
echo "ok: plain HTTP redirects to HTTPS"

# A live stream's first line arrives at once (not held in nginx's buffer).
board=$(curl -sk "$BASE/results" | grep -o 'href="/results/[^"/]*"' | head -1 | sed 's/href="//;s/"$//')
event=$(curl -sk "$BASE$board" | grep -o "href=\"$board/[^\"/?]*\"" | head -1 | sed 's/href="//;s/"$//')
first=$(curl -skN --max-time 3 "$BASE$event/live" || true)
echo "$first" | grep -q "retry: 2000" || { echo "FAIL: no live stream through nginx at $event/live"; exit 1; }
echo "ok: live stream through nginx ($event/live)"
echo "all good"
