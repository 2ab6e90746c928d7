/*
 * A person looked up in the register copy and a kommun's stadsdelar
 * (see person_lookup.h), for the forms that register a person.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "person_lookup.h"
#include "proto.h"

/* A string of a message, "" for none. */
static const char *
person_str(const char *s)
{
	return s != NULL ? s : "";
}

int
person_lookup(struct ui *ui, uint32_t insats_id, char *pnr,
    struct msg_person *rep)
{
	struct msg_person_lookup	req;

	memset(&req, 0, sizeof req);
	memset(rep, 0, sizeof *rep);
	req.insats_id = insats_id;
	req.personnummer = pnr;
	return ui_call(ui, MSG_PERSON_LOOKUP, &req, MSG_PERSON, rep);
}

void
person_lookup_forget(struct msg_person *p, int *hamtad, char *pnr)
{
	if (*hamtad)
		msg_clear(MSG_PERSON, p);
	memset(p, 0, sizeof *p);
	*hamtad = 0;
	pnr[0] = '\0';
}

void
person_pnr_shown(const char *norm, char *buf, size_t len)
{
	snprintf(buf, len, "%.8s-%.4s", norm, strlen(norm) == 12 ? norm + 8 :
	    "");
}

void
person_lookup_said(struct ui *ui, const struct msg_person *p, int choose,
    const char *found)
{
	if (!p->i_register)
		ui_message(ui, 0, "Finns inte i folkbokföringen: skriv "
		    "namnet och välj kommun.");
	else if (choose)
		ui_message(ui, 0, "Hämtad. Välj stadsdel: folkbokföringen "
		    "anger ingen för %s.", person_str(p->kommun));
	else
		ui_message(ui, 0, "%s", found != NULL ? found :
		    "Hämtad från folkbokföringen.");
}

int
person_stadsdelar(struct ui *ui, const char *kommunkod, const char *kommun,
    void (*add)(void *, uint32_t, const char *), void *arg)
{
	struct msg_kommun_search req;
	struct msg_kommun_list	 rep;
	uint32_t		 i;

	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.lanskod = (char *)"";
	req.pattern = (char *)kommun;
	req.limit = SUS_LIST_MAX;
	if (ui_call(ui, MSG_KOMMUN_SEARCH, &req, MSG_KOMMUN_LIST, &rep) != 0)
		return -1;
	for (i = 0; i < rep.nrows; i++) {
		if (strcmp(person_str(rep.rows[i].kommunkod), kommunkod) == 0 &&
		    rep.rows[i].stadsdel_id != 0)
			add(arg, rep.rows[i].stadsdel_id,
			    person_str(rep.rows[i].stadsdel));
	}
	msg_clear(MSG_KOMMUN_LIST, &rep);
	return 0;
}
