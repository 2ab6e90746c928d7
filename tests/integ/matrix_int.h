/*
 * What matrix.c and matrix_body.c share: the callers, the targets and the
 * request bodies built for them.
 */
#ifndef MATRIX_INT_H
#define MATRIX_INT_H

#include <stdint.h>

#include "matrix_expected.h"
#include "msg.h"

/* A caller: the column of §4.3, the demo user and what LOGIN_OK says. */
struct matrix_caller {
	enum matrix_col	 col;
	const char	*column;
	const char	*user;
	uint32_t	 roles;
};

/* A target: ids from the database, names as the demo data has them. */
struct matrix_target {
	const char	*scope;		/* "inside" or "outside" */
	const char	*samorg_env;
	const char	*insats_env;
	const char	*org_env;
	const char	*samorg_name;
	const char	*samorg_orgnr;	/* as the demo data has them, so a */
	const char	*samorg_start;	/* save changes no locked field */
	const char	*org_name;
	uint32_t	 samorg;
	uint32_t	 insats;
	uint32_t	 org;
	uint32_t	 deltagande;	/* a participation of the inside insats */
};

/* Room for any request body the builders make. */
union matrix_body {
	struct msg_login		login;
	struct msg_ping			ping;
	struct msg_password_change	password;
	struct msg_samorg_search	samorg;
	struct msg_insats_search	insats;
	struct msg_user_search		user;
	struct msg_role_set		role;
	struct msg_user_active		active;
	struct msg_org_search		org;
	struct msg_agreement_save	agreement;
	struct msg_bestallare_save	bestallare;
	struct msg_order_submit		submit;
	struct msg_order_search		orders;
	struct msg_order_decide		decide;
	struct msg_uppdrag_search	uppdrag;
	struct msg_uppdrag_save		save;
	struct msg_samorg_get		samorg_get;
	struct msg_samorg		samorg_save;
	struct msg_kommun_search	kommun;
	struct msg_samorg_order_submit	samorg_submit;
	struct msg_samorg_order_search	samorg_orders;
	struct msg_samorg_order_decide	samorg_decide;
	struct msg_budget_get		budget_get;
	struct msg_budget		budget;
	struct msg_fraga_search		fragor;
	struct msg_fraga		fraga;
	struct msg_fraga_delete		fraga_delete;
	struct msg_fraga_order		fraga_order;
	struct msg_kod_search		kod;
	struct kod_row			kod_save;
	struct msg_org_save		org_save;
	struct msg_insats_get		insats_get;
	struct msg_insats		insats_save;
	struct msg_insats_budget_get	insats_budget_get;
	struct msg_insats_budget	insats_budget;
	struct msg_volym_get		volym_get;
	struct msg_volym_save		volym_save;
	struct msg_deltagare_search	deltagare_search;
	struct msg_deltagare_get	deltagare_get;
	struct msg_person_lookup	person_lookup;
	struct msg_deltagare_save	deltagare_save;
	struct msg_samtycke_aterkalla	samtycke;
	struct msg_deltagare_fragor	deltagare_fragor;
	struct msg_anonym_get		anonym_get;
	struct msg_anonym_save		anonym_save;
	struct msg_batch_anonym		batch_anonym;
	struct msg_batch_volym		batch_volym;
	struct msg_affk_styrdata_get	affk_styrdata;
	struct msg_rapport_defs_get rapport_defs;
	struct msg_rapport_run rapport_run;
	struct affk_kontor_row		affk_kontor;
	struct msg_affk_medverkan_save	affk_medverkan;
	struct msg_affk_overgang_save	affk_overgang;
	struct msg_affk_uppgifter_save	affk_uppgifter;
	struct msg_affk_historik_get	affk_historik;
	struct msg_affk_sok		affk_sok;
	struct msg_affk_byt_kontor	affk_byt;
};

/* Fills b for the target and caller; returns the body (NULL = empty). */
typedef const void *(*matrix_build)(union matrix_body *,
    const struct matrix_target *, const struct matrix_caller *);

struct matrix_builder {
	uint16_t	 type;
	matrix_build	 build;
};

/* The builder for a request type, or NULL (matrix_body.c). */
const struct matrix_builder *matrix_find_builder(uint16_t type);

#endif
