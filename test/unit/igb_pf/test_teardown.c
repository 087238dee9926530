/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A port's teardown (igb_pf_teardown.c) against the PF register model and
 * a fake sysfs tree: what close and a failed probe leave of SR-IOV and of
 * the VFs with and without keep_vfs, and that removing the VFs, which the kernel holds for
 * as long as a VF process keeps its VF, runs without the adapter's lock.
 * A FIFO as sriov_numvfs holds the removal until the test lets it go.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>

#include "adapter_fakes.h"
#include "fake_sysfs.h"
#include "igb_check.h"
#include "igb_model.h"
#include "igb_pf_hw.h"
#include "igb_pf_sysfs.h"
#include "igb_pf_teardown.h"

#define DEV "bus/pci/devices/" BDF
#define NUMVFS DEV "/sriov_numvfs"

static const uint8_t macs[2][IGB_PF_ETH_ALEN] = {
	{0x02, 0, 0, 0, 0, 0x10},
	{0x02, 0, 0, 0, 0, 0x11},
};

static struct igb_model *m;

static void
release_none(struct igb_pf_adapter *ad)
{
	(void)ad;
}

/* An adapter with 2 VFs, SR-IOV on in the model. */
static struct igb_pf_adapter *
adapter_new(bool created, bool keep)
{
	struct igb_pf_adapter *ad = calloc(1, sizeof(*ad));

	if (ad == NULL) {
		perror("calloc");
		exit(EXIT_FAILURE);
	}
	igb_pf_adapter_init(ad, release_none);
	model_init(m);
	ad->hw = m->hw;
	snprintf(ad->bdf, sizeof(ad->bdf), "%s", BDF);
	igb_pf_sriov_init(&ad->sriov, 2, macs);
	igb_pf_hw_sriov_enable(&ad->hw, &ad->sriov);
	ad->created_vfs = created;
	ad->devargs.keep_vfs = keep;
	return ad;
}

static bool
sriov_on(void)
{
	return model_reg(m, IGB_DTXSWC) != 0 &&
		(model_reg(m, IGB_RAH(IGB_PF_VF_RAR(0))) & IGB_RAH_AV);
}

static bool
was_reset(void)
{
	return (model_reg(m, IGB_CTRL) & IGB_CTRL_RST) != 0;
}

static int
numvfs_open(int flags)
{
	char path[PATH_MAX];
	int fd;

	snprintf(path, sizeof(path), "%s/" NUMVFS, root);
	fd = open(path, flags);
	if (fd < 0) {
		perror(path);
		exit(EXIT_FAILURE);
	}
	return fd;
}

static void
numvfs_fifo(void)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/" NUMVFS, root);
	unlink(path);
	if (mkfifo(path, 0600) != 0) {
		perror(path);
		exit(EXIT_FAILURE);
	}
}

/* Close in a thread, maybe from an application callback that runs with
 * the lock held (the mailbox server's). */
struct closer {
	struct igb_pf_adapter *ad;
	bool in_callback;
	int ret;
	unsigned int kept;
	char err[512];
};

static void *
closer(void *arg)
{
	struct closer *c = arg;

	if (c->in_callback)
		rte_spinlock_recursive_lock(&c->ad->lock);
	igb_pf_adapter_close(c->ad);
	c->ret = igb_pf_teardown(c->ad, IGB_PF_END_CLOSE, root, &c->kept,
		c->err, sizeof(c->err));
	if (c->in_callback)
		rte_spinlock_recursive_unlock(&c->ad->lock);
	return NULL;
}

/* A request that got its reference before the close. */
struct request {
	struct igb_pf_adapter *ad;
	int ret;
	atomic_bool done;
};

static void *
request(void *arg)
{
	struct request *r = arg;

	r->ret = igb_pf_adapter_lock(r->ad);
	if (r->ret == 0)
		igb_pf_adapter_unlock(r->ad);
	atomic_store(&r->done, true);
	return NULL;
}

/* The request answered. */
static bool
request_done(void *arg)
{
	struct request *r = arg;

	return atomic_load(&r->done);
}

/*
 * The removal held by the "kernel" (the FIFO) while another thread checks
 * the lock: free, or, when close runs in a callback under the lock, not
 * waited for by a request.
 */
static void
test_removal_held(bool in_callback)
{
	const char *what = in_callback ? "removal in a callback" : "removal";
	struct igb_pf_adapter *ad = adapter_new(true, false);
	struct closer c = {.ad = ad, .in_callback = in_callback, .ret = 1};
	struct request r = {.ad = ad, .ret = 1};
	pthread_t tc, tr;
	char what_[640], buf[16];
	ssize_t n, len = 0;
	bool got;
	int fd;

	numvfs_fifo();
	pthread_create(&tc, NULL, closer, &c);
	/* Returns once the closer reads sriov_numvfs: it is removing. */
	fd = numvfs_open(O_WRONLY);
	if (!in_callback) {
		snprintf(what_, sizeof(what_),
			"%s: the lock is free while the kernel holds it", what);
		got = rte_spinlock_recursive_trylock(&ad->lock);
		CHECK(what_, got);
		if (got)
			rte_spinlock_recursive_unlock(&ad->lock);
	} else {
		pthread_create(&tr, NULL, request, &r);
		snprintf(what_, sizeof(what_),
			"%s: a request answers while the kernel holds it",
			what);
		CHECK(what_, fake_wait(request_done, &r));
	}
	/* The kernel answers: 2 VFs now, then takes the write. */
	if (write(fd, "2\n", 2) != 2)
		perror("fifo write");
	close(fd);
	fd = numvfs_open(O_RDONLY);
	while ((n = read(fd, buf + len, sizeof(buf) - 1 - (size_t)len)) > 0)
		len += n;
	buf[len] = '\0';
	close(fd);
	pthread_join(tc, NULL);
	if (in_callback) {
		pthread_join(tr, NULL);
		snprintf(what_, sizeof(what_),
			"%s: the request answers -ENODEV", what);
		CHECK_EQ(what_, -ENODEV, r.ret);
	}
	snprintf(what_, sizeof(what_), "%s: 0 written to sriov_numvfs (%s)",
		what, buf);
	CHECK(what_, strcmp(buf, "0") == 0);
	snprintf(what_, sizeof(what_), "%s: teardown succeeds (%s)", what,
		c.err);
	CHECK_EQ(what_, 0, c.ret);
	snprintf(what_, sizeof(what_), "%s: no VF kept", what);
	CHECK_EQ(what_, 0, c.kept);
	snprintf(what_, sizeof(what_), "%s: SR-IOV off, device reset", what);
	CHECK(what_, !sriov_on() && was_reset());
	snprintf(what_, sizeof(what_), "%s: VFs no longer ours", what);
	CHECK(what_, !ad->created_vfs);
	free(ad);
}

#define RESET_METHOD DEV "/reset_method"

/* The PF's reset methods as the fake sysfs holds them, without newline. */
static const char *
reset_methods(void)
{
	static char buf[64];
	char path[PATH_MAX];
	FILE *f;

	buf[0] = '\0';
	snprintf(path, sizeof(path), "%s/" RESET_METHOD, root);
	f = fopen(path, "r");
	if (f != NULL) {
		if (fgets(buf, sizeof(buf), f) == NULL)
			buf[0] = '\0';
		fclose(f);
	}
	buf[strcspn(buf, "\n")] = '\0';
	return buf;
}

/* As after the probe emptied them (igb_pf_sysfs_hold_reset). */
static void
reset_held(struct igb_pf_adapter *ad)
{
	put(RESET_METHOD, "\n");
	snprintf(ad->reset_saved, sizeof(ad->reset_saved), "flr pm bus");
}

static void
test_keep_and_adopted(void)
{
	struct igb_pf_adapter *ad;
	unsigned int kept = 99;
	char err[512] = "";

	put(NUMVFS, "2\n");
	ad = adapter_new(true, true);
	reset_held(ad);
	igb_pf_adapter_close(ad);
	CHECK_EQ("keep_vfs: teardown succeeds", 0,
		igb_pf_teardown(
			ad, IGB_PF_END_CLOSE, root, &kept, err, sizeof(err)));
	CHECK_EQ("keep_vfs: both VFs kept", 2, kept);
	CHECK_EQ("keep_vfs: sriov_numvfs untouched", 2, numvfs());
	CHECK("keep_vfs: SR-IOV left on, device reset",
		sriov_on() && was_reset());
	CHECK("keep_vfs: the PF's reset stays off for the kept VFs",
		strcmp(reset_methods(), "") == 0);
	free(ad);

	ad = adapter_new(false, false);
	igb_pf_adapter_close(ad);
	CHECK_EQ("adopted VFs: teardown succeeds", 0,
		igb_pf_teardown(
			ad, IGB_PF_END_CLOSE, root, &kept, err, sizeof(err)));
	CHECK_EQ("adopted VFs: none kept", 0, kept);
	CHECK_EQ("adopted VFs: not removed", 2, numvfs());
	CHECK("adopted VFs: SR-IOV off, device reset",
		!sriov_on() && was_reset());
	free(ad);
}

/* A probe that created the VFs, then failed, with keep_vfs=on. */
static void
test_probe_failed(void)
{
	struct igb_pf_adapter *ad;
	unsigned int kept = 99;
	char err[512] = "";
	bool created = false;

	put(NUMVFS, "2\n");
	ad = adapter_new(true, true);
	reset_held(ad);
	CHECK_EQ("failed probe: teardown succeeds", 0,
		igb_pf_teardown(ad, IGB_PF_END_PROBE_FAILED, root, &kept, err,
			sizeof(err)));
	CHECK_EQ("failed probe: keep_vfs keeps nothing", 0, kept);
	CHECK_EQ("failed probe: its VFs removed", 0, numvfs());
	CHECK("failed probe: SR-IOV off, device reset",
		!sriov_on() && was_reset());
	CHECK("failed probe: VFs no longer ours", !ad->created_vfs);
	CHECK("failed probe: the PF's reset methods back",
		strcmp(reset_methods(), "flr pm bus") == 0);
	free(ad);
	CHECK_EQ("retry: VFs provisioned", 0,
		igb_pf_sysfs_set_vfs(root, BDF, 2, IGB_PF_MAX_VFS, &created,
			err, sizeof(err)));
	CHECK("retry: created by the retry, so removed at its close", created);

	put(NUMVFS, "2\n");
	ad = adapter_new(false, true);
	CHECK_EQ("failed probe, adopted VFs: teardown succeeds", 0,
		igb_pf_teardown(ad, IGB_PF_END_PROBE_FAILED, root, &kept, err,
			sizeof(err)));
	CHECK_EQ("failed probe, adopted VFs: left in place", 2, numvfs());
	free(ad);
}

int
main(void)
{
	m = calloc(1, sizeof(*m));
	if (m == NULL)
		return EXIT_FAILURE;
	fake_root_init("igb_pf_teardown");
	mkdirs(DEV);
	bind_to("vfio-pci");
	put(DEV "/sriov_totalvfs", "8\n");
	test_keep_and_adopted();
	test_probe_failed();
	test_removal_held(false);
	test_removal_held(true);
	fake_root_remove();
	free(m);
	return check_exit();
}
