#!/usr/bin/env bash
# Installs the Debian packages that some tests use: chromium (Swagger UI rendered in a headless browser),
# chromium-driver (the dashboard driven through WebDriver) and prometheus (promtool checks the alert
# rules). Tests that need a missing tool are skipped, so this step is optional on a developer machine;
# CI runs it. Needs root (or sudo) and Debian's package sources.
set -euo pipefail
packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v chromedriver >/dev/null 2>&1 || packages+=(chromium-driver)
command -v promtool >/dev/null 2>&1 || packages+=(prometheus)
command -v docker-compose >/dev/null 2>&1 || packages+=(docker-compose)
if [ ${#packages[@]} -eq 0 ]; then
  echo "test tools present"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
echo "installed: ${packages[*]}"
