# demo.sh - a sample shell script: sh /home/demo.sh
echo hello from a script
mkdir /tmp
echo one > /tmp/f; echo two >> /tmp/f; echo three >> /tmp/f
cat /tmp/f | grep t | wc
ls /tmp
rm /tmp/f
rm /tmp
echo done
