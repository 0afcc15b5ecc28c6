# fill.sh - run by tests/guestos-mkfs/guest.sh on a nearly full disk:
# the second copy runs out of blocks; after rm a third copy fits again.
cat /bin/usertests > /a
cat /bin/usertests > /b
ls /
rm /a /b
cat /bin/usertests > /c
wc /c
rm /c
echo fill done
