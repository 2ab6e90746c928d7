/* Calendar dates as the protocol and the screens write them. */
#ifndef SUS_DATE_H
#define SUS_DATE_H

/*
 * Reports whether s is a real calendar date written YYYY-MM-DD, years
 * 1900 to 2200. Used by the client to answer at once and by susd, which
 * decides.
 */
int		 date_valid(const char *s);

#endif
