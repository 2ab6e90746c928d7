/*
 * The Af/FK styrdata in the client: offices, insatstyper, övergångar,
 * questions and their codes, fetched once per login with
 * MSG_AFFK_STYRDATA_GET and kept, so that every Af/FK screen reads the
 * same lists and none is written into the client.
 */
#include <stdlib.h>
#include <string.h>

#include "affk.h"
#include "client.h"
#include "proto.h"
#include "xmalloc.h"

/* The styrdata, every office included; NULL if it could not be had. */
const struct msg_affk_styrdata *
affk_styrdata(struct ui *ui)
{
	struct msg_affk_styrdata_get	 req;
	struct msg_affk_styrdata	*rep;

	if (ui->affk != NULL)
		return ui->affk;
	rep = xcalloc(1, sizeof *rep);
	memset(&req, 0, sizeof req);
	req.alla = 1;
	if (ui_call(ui, MSG_AFFK_STYRDATA_GET, &req, MSG_AFFK_STYRDATA,
	    rep) != 0) {
		free(rep);
		return NULL;
	}
	ui->affk = rep;
	return rep;
}

void
affk_forget(struct ui *ui)
{
	if (ui->affk == NULL)
		return;
	msg_clear(MSG_AFFK_STYRDATA, ui->affk);
	free(ui->affk);
	ui->affk = NULL;
}

size_t
affk_mina_kontor(struct ui *ui, const struct affk_kontor_row **out,
    size_t max)
{
	const struct msg_affk_styrdata	*d;
	size_t				 i, n = 0;

	if ((d = affk_styrdata(ui)) == NULL)
		return 0;
	for (i = 0; i < d->nkontor && n < max; i++) {
		if (d->kontor[i].eget && d->kontor[i].aktiv)
			out[n++] = &d->kontor[i];
	}
	return n;
}

size_t
affk_kontor_list(struct ui *ui, int myndighet, int alla,
    const struct affk_kontor_row **out, size_t max)
{
	const struct msg_affk_styrdata	*d;
	size_t				 i, n = 0;

	if ((d = affk_styrdata(ui)) == NULL)
		return 0;
	for (i = 0; i < d->nkontor && n < max; i++) {
		if (d->kontor[i].myndighet != myndighet)
			continue;
		if (alla || d->kontor[i].aktiv)
			out[n++] = &d->kontor[i];
	}
	return n;
}

const struct affk_kontor_row *
affk_kontor_by_id(struct ui *ui, uint32_t id)
{
	const struct msg_affk_styrdata	*d;
	size_t				 i;

	if ((d = affk_styrdata(ui)) == NULL)
		return NULL;
	for (i = 0; i < d->nkontor; i++) {
		if (d->kontor[i].id == id)
			return &d->kontor[i];
	}
	return NULL;
}

const struct affk_kontor_row *
affk_kontor_by_insats(struct ui *ui, uint32_t insats_id)
{
	const struct msg_affk_styrdata	*d;
	size_t				 i;

	if ((d = affk_styrdata(ui)) == NULL)
		return NULL;
	for (i = 0; i < d->nkontor; i++) {
		if (d->kontor[i].insats_id == insats_id)
			return &d->kontor[i];
	}
	return NULL;
}

const struct affk_insatstyp_row *
affk_typ_by_id(struct ui *ui, uint32_t id)
{
	const struct msg_affk_styrdata	*d;
	size_t				 i;

	if ((d = affk_styrdata(ui)) == NULL)
		return NULL;
	for (i = 0; i < d->ntyper; i++) {
		if (d->typer[i].id == id)
			return &d->typer[i];
	}
	return NULL;
}

size_t
affk_nasta_typer(struct ui *ui, uint32_t fran_id,
    const struct affk_insatstyp_row **out, uint8_t *myndighet, size_t max)
{
	const struct msg_affk_styrdata	*d;
	const struct affk_insatstyp_row	*t;
	size_t				 i, n = 0;

	if ((d = affk_styrdata(ui)) == NULL)
		return 0;
	for (i = 0; i < d->novergangar && n < max; i++) {
		if (d->overgangar[i].fran_id != fran_id)
			continue;
		if ((t = affk_typ_by_id(ui, d->overgangar[i].till_id)) == NULL)
			continue;
		if (myndighet != NULL)
			myndighet[n] = d->overgangar[i].myndighet;
		out[n++] = t;
	}
	return n;
}

size_t
affk_fragor(struct ui *ui, uint32_t insatstyp_id,
    const struct affk_fraga_row **out, size_t max)
{
	const struct msg_affk_styrdata	*d;
	size_t				 i, n = 0;

	if ((d = affk_styrdata(ui)) == NULL)
		return 0;
	for (i = 0; i < d->nfragor && n < max; i++) {
		if (d->fragor[i].insatstyp_id == insatstyp_id)
			out[n++] = &d->fragor[i];
	}
	return n;
}

size_t
affk_koder(struct ui *ui, const char *lista, int alla,
    const struct affk_kod_row **out, size_t max)
{
	const struct msg_affk_styrdata	*d;
	size_t				 i, n = 0;

	if ((d = affk_styrdata(ui)) == NULL)
		return 0;
	for (i = 0; i < d->nkoder && n < max; i++) {
		if (strcmp(d->koder[i].lista, lista) != 0)
			continue;
		if (alla || d->koder[i].aktiv)
			out[n++] = &d->koder[i];
	}
	return n;
}

const char *
affk_kod_namn(struct ui *ui, uint32_t id)
{
	const struct msg_affk_styrdata	*d;
	size_t				 i;

	if ((d = affk_styrdata(ui)) == NULL)
		return "";
	for (i = 0; i < d->nkoder; i++) {
		if (d->koder[i].id == id)
			return d->koder[i].namn;
	}
	return "";
}

static const char *const affk_myndigheter[][2] = {
	{ "", "" },
	{ "Arbetsförmedlingen", "Af" },
	{ "Försäkringskassan", "FK" },
	{ "Af eller FK", "Af/FK" },
};

const char *
affk_myndighet_namn(int m)
{
	if (m < 0 || m > AFFK_BADA)
		return "";
	return affk_myndigheter[m][0];
}

const char *
affk_myndighet_kort(int m)
{
	if (m < 0 || m > AFFK_BADA)
		return "";
	return affk_myndigheter[m][1];
}

const char *
affk_status_namn(int status)
{
	static const char *const names[] = { "", "Aktuell", "I väntan",
	    "Avslutad" };

	if (status < 0 || (size_t)status >= sizeof names / sizeof names[0])
		return "";
	return names[status];
}
