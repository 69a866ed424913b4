# Shared by the scripts that run a published studio on this machine (loopback only). Source it after setting
# `work` (a temp folder) and `url` (http://127.0.0.1:PORT); `start_studio` sets `server` to the app's pid.

# Publishes the web app to $work/web and the CLI to $work/cli.
publish_studio() {
  dotnet publish src/DisTok.Web -c Release -o "$work/web" >/dev/null
  dotnet publish src/DisTok.Cli -c Release -o "$work/cli" >/dev/null
}

# Starts the app on $url with its database and versions under $work, and waits until /healthz answers.
start_studio() {
  (cd "$work/web" && exec ./DisTok.Web --Urls="$url" --Studio:DatabasePath="$work/studio.db" --Studio:VersionsPath="$work/versions" \
     >>"$work/server.log" 2>&1) &
  server=$!
  for _ in $(seq 1 240); do curl -sf "$url/healthz" >/dev/null && return 0; sleep 0.5; done
  echo "the studio did not start; see its log:" >&2; cat "$work/server.log" >&2; exit 1
}

# Stops the app started by start_studio and waits for it to exit (so its files can be removed).
stop_studio() {
  if [ -n "${server:-}" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
}
