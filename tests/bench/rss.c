/*
 * make bench, issue 7: runs a command and writes its peak resident set
 * size in KiB (wait4's ru_maxrss) to a file, so the benchmark can show
 * that sus import's memory does not grow with the file.
 *
 *	bench_rss outfile command [argument ...]
 *
 * Exits with the command's status (128 + signal when killed).
 */
#include <sys/resource.h>
#include <sys/wait.h>

#include <stdio.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct rusage	 ru;
	FILE		*fp;
	pid_t		 pid;
	int		 status;

	if (argc < 3) {
		fprintf(stderr, "usage: bench_rss outfile command [arg ...]\n");
		return 2;
	}
	switch (pid = fork()) {
	case -1:
		perror("bench_rss: fork");
		return 2;
	case 0:
		execvp(argv[2], argv + 2);
		perror("bench_rss: exec");
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) != pid) {
		perror("bench_rss: wait4");
		return 2;
	}
	if ((fp = fopen(argv[1], "w")) == NULL) {
		perror("bench_rss");
		return 2;
	}
	fprintf(fp, "%ld\n", ru.ru_maxrss);
	fclose(fp);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
