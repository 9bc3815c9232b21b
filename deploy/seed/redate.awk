# Moves every event's occurredAt by one amount so the newest is a minute old, and prefixes each line with
# its userId and a "|" for kafka-console-producer's parse.key (an empty key where the line has none: the
# sample keeps a few bad lines on purpose, and the worker dead-letters them). The sample's order and
# spacing stay; only its dates move, so the 30-day activity window and the worker's event-time checks
# accept it today. mktime and strftime are busybox awk's and gawk's (the Kafka image is Alpine, TZ UTC).
# Run as: awk -f redate.awk FILE FILE (two passes: the newest date first, then the rewrite).
function epoch(ts) {
  return mktime(substr(ts, 1, 4) " " substr(ts, 6, 2) " " substr(ts, 9, 2) " " substr(ts, 12, 2) " " substr(ts, 15, 2) " " substr(ts, 18, 2))
}
NR == FNR {
  if (match($0, /"occurredAt":"[^"]+"/) && (t = epoch(substr($0, RSTART + 14, 19))) > newest) newest = t
  next
}
FNR == 1 { shift = systime() - 60 - newest }
match($0, /"occurredAt":"[^"]+"/) {
  ts = substr($0, RSTART + 14, RLENGTH - 15)
  $0 = substr($0, 1, RSTART + 13) strftime("%Y-%m-%dT%H:%M:%S", epoch(ts) + shift, 1) substr(ts, 20) substr($0, RSTART + RLENGTH - 1)
}
{ print (match($0, /"userId":"[^"|]+"/) ? substr($0, RSTART + 10, RLENGTH - 11) : "") "|" $0 }
