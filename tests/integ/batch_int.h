/*
 * What the batch cases (tests/integ/batch.c) need of personal.c besides
 * the counting every reply gets.
 */
#ifndef BATCH_INT_H
#define BATCH_INT_H

/*
 * Counts writes the server made whose reply the test never read (a
 * batch sent on a connection dropped before its result): they are
 * audited, and the replay that answers them later counts nothing.
 */
void	pd_unseen(unsigned long writes);

#endif
