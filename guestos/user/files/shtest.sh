# shtest.sh - exercises the shell; runtests.sh checks the lines it prints.
echo alpha > /sh_tmp
echo beta >> /sh_tmp
cat < /sh_tmp | grep a | wc
echo one; echo two
sh -c 'echo "quoted  words"; echo nested'
grep ^b.t /sh_tmp
grep zzz /sh_tmp; echo after-failed-grep
echo background-job &
mkdir /sh_dir; cd /sh_dir; echo inside > f; cat /sh_dir/f; cd /
ls /sh_dir | grep f
rm /sh_dir/f /sh_dir /sh_tmp
cat /sh_tmp
echo end of shtest
