/* Error codes shared by every module: 0 is success, failures are negative. */
#ifndef SUS_ERR_H
#define SUS_ERR_H

#define SUS_OK			  0
#define SUS_ERR_INTERNAL	 -1	/* a bug: should not happen */
#define SUS_ERR_ALLOC		 -2	/* out of memory */
#define SUS_ERR_NO_SPACE	 -3	/* buffer would pass its maximum */
#define SUS_ERR_INCOMPLETE	 -4	/* read past the end of the data */
#define SUS_ERR_FORMAT		 -5	/* malformed encoding */
#define SUS_ERR_STRING_LEN	 -6	/* string longer than its field allows */
#define SUS_ERR_UTF8		 -7	/* string is not valid UTF-8 or has NUL */
#define SUS_ERR_TRAILING	 -8	/* bytes left after a complete decode */
#define SUS_ERR_DECRYPT		 -9	/* AEAD authentication failed */
#define SUS_ERR_HANDSHAKE	-10	/* handshake failed */
#define SUS_ERR_BAD_KEY		-11	/* invalid public key (small order, zero) */
#define SUS_ERR_NONCE		-12	/* nonce space exhausted */
#define SUS_ERR_FRAME_LEN	-13	/* frame length outside the allowed range */
#define SUS_ERR_PROTOCOL	-14	/* message not allowed in this state */
#define SUS_ERR_VERSION		-15	/* peer speaks another major version */
#define SUS_ERR_TOO_LARGE	-16	/* message larger than the agreed maximum */
#define SUS_ERR_SYSTEM		-17	/* system call failed; see errno */
#define SUS_ERR_EOF		-18	/* peer closed the connection */
#define SUS_ERR_TIMEOUT		-19	/* a time limit passed */
#define SUS_ERR_KEY_PERM	-20	/* key file readable by group or others */
#define SUS_ERR_PIN_MISMATCH	-21	/* server key differs from the pinned key */
#define SUS_ERR_BAD_MAGIC	-22	/* preamble magic is wrong */
#define SUS_ERR_STATE		-23	/* object used in the wrong state */
#define SUS_ERR_KEY_FILE	-24	/* key file malformed or truncated */
#define SUS_ERR_NOT_FOUND	-25	/* no such entry */
#define SUS_ERR_CONFIG		-26	/* configuration error */
#define SUS_ERR_INVALID		-27	/* invalid argument or value */
#define SUS_ERR_DENIED		-28	/* the account may no longer be used */

/* Returns a short English description of an error code, for logs. */
const char	*sus_strerror(int);

#endif
