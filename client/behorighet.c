/*
 * Words and small helpers the Behörigheter screens share: the roles with
 * their short codes, the names of order kinds and states, dates for the
 * forms and breaking a server message into lines for a box.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "client.h"
#include "proto.h"
#include "xmalloc.h"

const struct role_name role_table[] = {
	{ ROLE_SUPERADMIN, "Superadministratör", "SU" },
	{ ROLE_SAMVERKANSADMIN, "Samverkansadministratör", "SA" },
	{ ROLE_INSATSANSVARIG, "Insatsansvarig", "IA" },
	{ ROLE_DELTAGARANSVARIG, "Deltagaransvarig", "DA" },
	{ ROLE_SUSRAPPORT, "SUSrapport", "RA" },
};
const size_t role_ntable = sizeof role_table / sizeof role_table[0];

/*
 * Joins the short codes of a role set. SUSrapport comes with every other
 * role, so it is named only when it is the only one.
 */
void
role_codes(uint32_t roles, char *out, size_t len)
{
	size_t	i;

	if (len == 0)
		return;
	out[0] = '\0';
	if ((roles & ROLE_ANY & ~(uint32_t)ROLE_SUSRAPPORT) != 0)
		roles &= ~(uint32_t)ROLE_SUSRAPPORT;
	for (i = 0; i < role_ntable; i++) {
		if ((roles & role_table[i].bit) == 0)
			continue;
		if (out[0] != '\0')
			strlcat(out, " ", len);
		strlcat(out, role_table[i].code, len);
	}
	if (out[0] == '\0')
		strlcpy(out, "–", len);
}

/* Joins the full names of a role set ("Superadministratör, SUSrapport"). */
void
role_names(uint32_t roles, char *out, size_t len)
{
	size_t	i;

	if (len == 0)
		return;
	out[0] = '\0';
	for (i = 0; i < role_ntable; i++) {
		if ((roles & role_table[i].bit) == 0)
			continue;
		if (out[0] != '\0')
			strlcat(out, ", ", len);
		strlcat(out, role_table[i].name, len);
	}
	if (out[0] == '\0')
		strlcpy(out, "–", len);
}

/* The Swedish name of one role bit. */
const char *
role_name(uint32_t bit)
{
	size_t	i;

	for (i = 0; i < role_ntable; i++) {
		if (role_table[i].bit == bit)
			return role_table[i].name;
	}
	return "";
}

static const char *const order_typ_names[] = {
	[ORDER_NEW] = "Ny användare",
	[ORDER_CHANGE] = "Ändring",
	[ORDER_REMOVE] = "Borttag",
};

static const char *const order_status_names[] = {
	[ORDER_SUBMITTED] = "Inskickad",
	[ORDER_APPROVED] = "Godkänd",
	[ORDER_REJECTED] = "Avslagen",
};

/* The Swedish name of an order kind. */
const char *
order_typ_name(uint8_t typ)
{
	if (typ >= sizeof order_typ_names / sizeof order_typ_names[0] ||
	    order_typ_names[typ] == NULL)
		return "";
	return order_typ_names[typ];
}

/* The Swedish name of an order state. */
const char *
order_status_name(uint8_t status)
{
	if (status >= sizeof order_status_names /
	    sizeof order_status_names[0] || order_status_names[status] == NULL)
		return "";
	return order_status_names[status];
}

/* Writes today plus years and days, normalised by mktime(). */
void
date_today_plus(int years, int days, char *out, size_t len)
{
	struct tm	tm;
	time_t		now = time(NULL);

	localtime_r(&now, &tm);
	tm.tm_year += years;
	tm.tm_mday += days;
	tm.tm_hour = 12;	/* clear of any daylight-saving edge */
	tm.tm_isdst = -1;
	mktime(&tm);
	strftime(out, len, "%Y-%m-%d", &tm);
}

/*
 * Breaks text at spaces into lines of at most width columns; a newline
 * always starts a new line, and a word longer than a line gets a line of
 * its own (clipped when drawn).
 */
size_t
text_lines(const char *text, int width, char *buf, size_t len,
    const char **lines, size_t max)
{
	char	*p, *word, *end = NULL, save;
	size_t	 n = 0;
	int	 lw = 0, ww, brk = 0;

	if (len == 0 || max == 0)
		return 0;
	strlcpy(buf, text, len);
	for (p = buf;;) {
		while (*p == ' ' || *p == '\n') {
			if (*p++ == '\n')
				brk = 1;
		}
		if (*p == '\0')
			break;
		word = p;
		while (*p != '\0' && *p != ' ' && *p != '\n')
			p++;
		save = *p;
		*p = '\0';
		ww = text_width(word);
		*p = save;
		if (end != NULL && !brk && lw + 1 + ww <= width)
			lw += 1 + ww;	/* the space between stays */
		else {
			if (end != NULL)
				*end = '\0';
			if (n == max) {
				end = NULL;
				break;
			}
			lines[n++] = word;
			lw = ww;
		}
		end = p;
		brk = 0;
	}
	if (end != NULL)
		*end = '\0';
	return n;
}
