/*
 * Noise_XX_25519_ChaChaPoly_SHA256 test vectors, generated once from
 * tests/data/noise_xx_25519_chachapoly_sha256.json. Hex strings; messages
 * alternate initiator, responder, initiator, ... as in the source files.
 */
#ifndef SUS_NOISE_VECTORS_H
#define SUS_NOISE_VECTORS_H

#define NOISE_VEC_MSGS	6

struct noise_vec_msg {
	const char	*payload;
	const char	*ciphertext;
};

struct noise_vec {
	const char		*source;
	const char		*init_prologue;
	const char		*init_static;
	const char		*init_ephemeral;
	const char		*resp_prologue;
	const char		*resp_static;
	const char		*resp_ephemeral;
	const char		*handshake_hash;	/* NULL if not given */
	struct noise_vec_msg	 messages[NOISE_VEC_MSGS];
};

static const struct noise_vec noise_vectors[] = {
	{
		.source = "noise-c tests/vector/cacophony.txt",
		.init_prologue =
		    "4a6f686e2047616c74",
		.init_static =
		    "e61ef9919cde45dd5f82166404bd08e38bceb5dfdfded0a34c8df7ed"
		    "542214d1",
		.init_ephemeral =
		    "893e28b9dc6ca8d611ab664754b8ceb7bac5117349a4439a6b0569da"
		    "977c464a",
		.resp_prologue =
		    "4a6f686e2047616c74",
		.resp_static =
		    "4a3acbfdb163dec651dfa3194dece676d437029c62a408b4c5ea9114"
		    "246e4893",
		.resp_ephemeral =
		    "bbdb4cdbd309f1a1f2e1456967fe288cadd6f712d65dc7b7793d5e63"
		    "da6b375b",
		.handshake_hash =
		    NULL,
		.messages = {
			{
				"4c756477696720766f6e204d69736573",
				"ca35def5ae56cec33dc2036731ab14896bc4c75dbb07a61f879f8e3a"
				"fa4c79444c756477696720766f6e204d69736573"
			},
			{
				"4d757272617920526f746862617264",
				"95ebc60d2b1fa672c1f46a8aa265ef51bfe38e7ccb39ec5be34069f1"
				"4480884381cbad1f276e038c48378ffce2b65285e08d6b68aaa3629a"
				"5a8639392490e5b9bd5269c2f1e4f488ed8831161f19b7815528f898"
				"2ffe09be9b5c412f8a0db50f8814c7194e83f23dbd8d162c9326ad"
			},
			{
				"462e20412e20486179656b",
				"c7195ffacac1307ff99046f219750fc47693e23c3cb08b89c2af808b"
				"444850a80ae475b9df0f169ae80a89be0865b57f58c9fea0d4ec82a2"
				"86427402f113e4b6ae769a1d95941d49b25030"
			},
			{
				"4361726c204d656e676572",
				"96763ed773f8e47bb3712f0e29b3060ffc956ffc146cee53d5e1df"
			},
			{
				"4a65616e2d426170746973746520536179",
				"3e40f15f6f3a46ae446b253bf8b1d9ffb6ed9b174d272328ff91a7e2"
				"e5c79c07f5"
			},
			{
				"457567656e2042f6686d20766f6e2042617765726b",
				"eb3f3515110702e047a6c9da4478b6ead94873c11c0f2d710ddb3f09"
				"fce024b3a58502ae3f"
			},
		},
	},
	{
		.source = "noise-c tests/vector/noise-c-basic.txt",
		.init_prologue =
		    "50726f6c6f677565313233",
		.init_static =
		    "e61ef9919cde45dd5f82166404bd08e38bceb5dfdfded0a34c8df7ed"
		    "542214d1",
		.init_ephemeral =
		    "893e28b9dc6ca8d611ab664754b8ceb7bac5117349a4439a6b0569da"
		    "977c464a",
		.resp_prologue =
		    "50726f6c6f677565313233",
		.resp_static =
		    "4a3acbfdb163dec651dfa3194dece676d437029c62a408b4c5ea9114"
		    "246e4893",
		.resp_ephemeral =
		    "bbdb4cdbd309f1a1f2e1456967fe288cadd6f712d65dc7b7793d5e63"
		    "da6b375b",
		.handshake_hash =
		    "852a28d2146785c54bd8334f4e460c80d7fe4fd0cc5bc0abef2a24a3"
		    "c4d44d5f",
		.messages = {
			{
				"4c756477696720766f6e204d69736573",
				"ca35def5ae56cec33dc2036731ab14896bc4c75dbb07a61f879f8e3a"
				"fa4c79444c756477696720766f6e204d69736573"
			},
			{
				"4d757272617920526f746862617264",
				"95ebc60d2b1fa672c1f46a8aa265ef51bfe38e7ccb39ec5be34069f1"
				"4480884381cbad1f276e038c48378ffce2b65285e08d6b68aaa3629a"
				"5a8639392490e5b94a6d8798832d5372f220f161d9c2df035528f898"
				"2ffe09be9b5c412f8a0db5d21351f20af1370d0bf8ef1a8c59a30e"
			},
			{
				"462e20412e20486179656b",
				"c7195ffacac1307ff99046f219750fc47693e23c3cb08b89c2af808b"
				"444850a8589981dfbd651e6ff4724a781cc2aa6158c9fea0d4ec82a2"
				"86427484c5b8c8123a7a6002b1de9f9775fc97"
			},
			{
				"4361726c204d656e676572",
				"96763ed773f8e47bb3712f0e29b3060ffc956ffc146cee53d5e1df"
			},
			{
				"4a65616e2d426170746973746520536179",
				"3e40f15f6f3a46ae446b253bf8b1d9ffb6ed9b174d272328ff91a7e2"
				"e5c79c07f5"
			},
			{
				"457567656e2042f6686d20766f6e2042617765726b",
				"eb3f3515110702e047a6c9da4478b6ead94873c11c0f2d710ddb3f09"
				"fce024b3a58502ae3f"
			},
		},
	},
};

#endif
