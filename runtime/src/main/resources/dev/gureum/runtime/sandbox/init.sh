# Gureum's instance init: PID 1 of every sandbox instance, run as "/.gureum/busybox sh /.gureum/init".
# /.gureum is the instance's seed (read-only): instance.env, authorized_keys, user-data (a #! script, or the one
# Gureum wrote from a #cloud-config, with its other files in cloud-config/), this script and a
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
# the image's default user, written into the account files directly (a static busybox may have no adduser);
# "*" in shadow: no password matches, yet the account is not locked ("!" would make sshd refuse keys too)
if ! $B grep -q "^$DEFAULT_USER:" /etc/passwd; then
  uid=1000
  while $B awk -F: -v id="$uid" '$3 == id { found = 1 } END { exit !found }' /etc/passwd /etc/group 2>/dev/null; do
    uid=$((uid + 1))
  done
  echo "$DEFAULT_USER:x:$uid:$uid:Default user:/home/$DEFAULT_USER:/bin/sh" >> /etc/passwd
  $B grep -q "^$DEFAULT_USER:" /etc/group 2>/dev/null || echo "$DEFAULT_USER:x:$uid:" >> /etc/group
  [ -f /etc/shadow ] && echo "$DEFAULT_USER:*:20000:0:99999:7:::" >> /etc/shadow
  $B mkdir -p "/home/$DEFAULT_USER"
  $B chown "$uid:$uid" "/home/$DEFAULT_USER"
  $B chmod 755 "/home/$DEFAULT_USER"
  say "created the default user $DEFAULT_USER"
fi
# the instance's own names resolve with no DNS server, as cloud-init's manage_etc_hosts makes them on Debian's AMIs
host=$($B hostname)
if ! $B grep -qw "$host" /etc/hosts 2>/dev/null; then
  [ -s /etc/hosts ] || printf '127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n' > /etc/hosts
  echo "127.0.1.1 $LOCAL_HOSTNAME $host" >> /etc/hosts
fi
# an image with sudo lets its default user run anything as root without a password, as cloud-init's default user
if [ -d /etc/sudoers.d ] && [ ! -e /etc/sudoers.d/90-cloud-init-users ]; then
  printf '# the default user, as cloud-init writes it\n%s ALL=(ALL) NOPASSWD:ALL\n' "$DEFAULT_USER" \
    > /etc/sudoers.d/90-cloud-init-users
  $B chmod 440 /etc/sudoers.d/90-cloud-init-users
fi
# an image without its own poweroff, halt, reboot and shutdown (no systemd, no busybox on its PATH) gets this init's:
# busybox's signal PID 1 as the traps below expect; shutdown -r reboots, any other shutdown powers off
for command in poweroff halt reboot shutdown; do
  found=
  for directory in /sbin /bin /usr/sbin /usr/bin /usr/local/sbin; do
    [ -e "$directory/$command" ] && found=yes
  done
  [ -n "$found" ] && continue
  $B mkdir -p /usr/local/sbin
  if [ "$command" = shutdown ]; then
    printf '#!/.gureum/busybox sh\n# Gureum: the instance stops or reboots as EC2 follows it; the time given is not waited for\n' \
      > /usr/local/sbin/shutdown
    printf 'case " $* " in *" -r "*|*" --reboot "*) exec /.gureum/busybox reboot ;; esac\nexec /.gureum/busybox poweroff\n' \
      >> /usr/local/sbin/shutdown
    $B chmod 755 /usr/local/sbin/shutdown
  else
    $B ln -s /.gureum/busybox "/usr/local/sbin/$command"
  fi
done
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
  if [ -d /etc/sudoers.d ] && [ "$DEFAULT_USER" != root ]; then
    # an image whose default user may sudo turns root away as cloud-init's disable_root does on Debian's AMIs
    home=$(home_of root)
    refusal="no-port-forwarding,no-agent-forwarding,no-X11-forwarding,command=\"echo 'Please login as the user"
    refusal="$refusal \\\"$DEFAULT_USER\\\" rather than the user \\\"root\\\".';echo;sleep 10;exit 142\""
    while read -r key; do echo "$refusal $key"; done < /.gureum/authorized_keys > "$home/.ssh/authorized_keys"
    say "installed the key pair's public key for $DEFAULT_USER (root is turned away, as on Debian's AMIs)"
  else
    say "installed the key pair's public key for root and $DEFAULT_USER"
  fi
fi
# a cloud-config's ssh_authorized_keys go to the default user, as cloud-init's ssh module puts them
if [ -s /.gureum/cloud-config/authorized_keys ] && home=$(home_of "$DEFAULT_USER") && [ -n "$home" ]; then
  $B mkdir -p "$home/.ssh"
  while read -r key; do
    $B grep -qxF "$key" "$home/.ssh/authorized_keys" 2>/dev/null || echo "$key" >> "$home/.ssh/authorized_keys"
  done < /.gureum/cloud-config/authorized_keys
  $B chmod 700 "$home/.ssh"
  $B chmod 600 "$home/.ssh/authorized_keys"
  $B chown -R "$DEFAULT_USER" "$home/.ssh"
  say "installed the cloud-config's ssh_authorized_keys for $DEFAULT_USER"
fi
# a cloud-config's bootcmd runs at every boot, before the rest, as in cloud-init's init stage
if [ -s /.gureum/cloud-config/bootcmd ]; then
  say "running cloud-config bootcmd"
  if [ -x /bin/sh ]; then
    INSTANCE_ID="$INSTANCE_ID" /bin/sh /.gureum/cloud-config/bootcmd
  else
    INSTANCE_ID="$INSTANCE_ID" $B sh /.gureum/cloud-config/bootcmd
  fi
  say "bootcmd exited with status $?"
fi

# an image made from another instance (CreateImage) carries that instance's host keys: a new instance makes
# its own, as cloud-init's ssh module does
if [ "$($B cat /var/lib/gureum/host-keys-of 2>/dev/null)" != "$INSTANCE_ID" ]; then
  $B rm -f /etc/ssh/ssh_host_*_key /etc/ssh/ssh_host_*_key.pub
  echo "$INSTANCE_ID" > /var/lib/gureum/host-keys-of
fi
# ed25519 and ecdsa only: an RSA host key costs most of a second to make, and every current client takes ed25519
for type in ed25519 ecdsa; do
  [ -s "/etc/ssh/ssh_host_${type}_key" ] || ssh-keygen -q -t "$type" -N '' -f "/etc/ssh/ssh_host_${type}_key"
done
echo "-----BEGIN SSH HOST KEY FINGERPRINTS-----"
for key in /etc/ssh/ssh_host_*_key.pub; do ssh-keygen -l -f "$key"; done
echo "-----END SSH HOST KEY FINGERPRINTS-----"
/usr/sbin/sshd -E /var/log/sshd.log && say "sshd started"

# user data runs once per instance, as cloud-init's scripts-user does, with its output on the console; the
# mark is per instance id, so an instance launched from an image of another one runs its own
if [ -s /.gureum/user-data ] && [ ! -e "/var/lib/gureum/user-data.done.$INSTANCE_ID" ]; then
  $B touch "/var/lib/gureum/user-data.done.$INSTANCE_ID"
  $B cp /.gureum/user-data /var/lib/gureum/user-data
  $B chmod 700 /var/lib/gureum/user-data
  say "running user data"
  /var/lib/gureum/user-data
  say "user data exited with status $?"
fi
say "ready"

# busybox's reboot, halt and poweroff signal PID 1 with TERM, USR1 and USR2; Gureum stops an instance with USR2.
# The last line says which, and the runtime reads it: a reboot from inside boots the instance again, a halt or
# poweroff from inside is a shutdown initiated by the instance (it stops, or terminates, as its
# InstanceInitiatedShutdownBehavior says).
stop_guest() {
  say "shutting down for $1"
  $B kill -TERM -1 2>/dev/null
  $B sleep 0.5
  $B kill -KILL -1 2>/dev/null
  say "halted for $1"
  exit 0
}
trap 'stop_guest reboot' TERM
trap 'stop_guest halt' USR1
trap 'stop_guest poweroff' USR2 INT
while :; do
  $B sleep 2147483647 &
  wait $!
done
