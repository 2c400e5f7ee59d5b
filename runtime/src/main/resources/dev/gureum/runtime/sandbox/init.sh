# Gureum's instance init: PID 1 of every sandbox instance, run as "/.gureum/busybox sh /.gureum/init".
# /.gureum is the instance's seed (read-only): instance.env, authorized_keys, user-data, this script and a
# static busybox, so the init works inside any image. Everything printed here is the console output.
set -u
B=/.gureum/busybox
# each line carries the host's uptime in seconds, as kernel messages do, so a boot can be timed from its console
say() { read -r uptime _ < /proc/uptime; echo "[$uptime] gureum-init: $*"; }
. /.gureum/instance.env
say "booting $INSTANCE_ID ($INSTANCE_TYPE) from $IMAGE_ID"
$B mkdir -p /run/sshd /var/lib/gureum /etc/ssh /var/log
$B chmod 755 /run/sshd

home_of() { $B awk -F: -v user="$1" '$1 == user { print $6 }' /etc/passwd; }
if ! $B grep -q "^$DEFAULT_USER:" /etc/passwd; then
  $B adduser -D -s /bin/sh "$DEFAULT_USER"
  # busybox locks the new account with "!", which sshd (without PAM) takes as "no key logins either"
  $B sed -i "s/^$DEFAULT_USER:!:/$DEFAULT_USER:*:/" /etc/shadow
fi
install_key() {
  home=$(home_of "$1")
  [ -n "$home" ] || return 0
  $B mkdir -p "$home/.ssh"
  $B cp /.gureum/authorized_keys "$home/.ssh/authorized_keys"
  $B chmod 700 "$home/.ssh"
  $B chmod 600 "$home/.ssh/authorized_keys"
  $B chown -R "$1" "$home/.ssh"
}
if [ -s /.gureum/authorized_keys ]; then
  install_key root
  install_key "$DEFAULT_USER"
  say "installed the key pair's public key for root and $DEFAULT_USER"
fi

# ed25519 and ecdsa only: an RSA host key costs most of a second to make, and every current client takes ed25519
for type in ed25519 ecdsa; do
  [ -s "/etc/ssh/ssh_host_${type}_key" ] || ssh-keygen -q -t "$type" -N '' -f "/etc/ssh/ssh_host_${type}_key"
done
echo "-----BEGIN SSH HOST KEY FINGERPRINTS-----"
for key in /etc/ssh/ssh_host_*_key.pub; do ssh-keygen -l -f "$key"; done
echo "-----END SSH HOST KEY FINGERPRINTS-----"
/usr/sbin/sshd -E /var/log/sshd.log && say "sshd started"

# user data runs once per instance, as cloud-init's scripts-user does, with its output on the console
if [ -s /.gureum/user-data ] && [ ! -e /var/lib/gureum/user-data.done ]; then
  $B touch /var/lib/gureum/user-data.done
  $B cp /.gureum/user-data /var/lib/gureum/user-data
  $B chmod 700 /var/lib/gureum/user-data
  say "running user data"
  /var/lib/gureum/user-data
  say "user data exited with status $?"
fi
say "ready"

halt() {
  say "shutting down"
  $B kill -TERM -1 2>/dev/null
  $B sleep 0.5
  $B kill -KILL -1 2>/dev/null
  say "halted"
  exit 0
}
trap halt TERM INT
while :; do
  $B sleep 2147483647 &
  wait $!
done
