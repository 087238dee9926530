/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A VF opened through plain Linux vfio (no EAL): container, group, device
 * fd with the PF's VF token, BAR0 mapped, memory decoding on.
 */
#ifndef ROGUE_VFIO_VF_H
#define ROGUE_VFIO_VF_H

#include <stddef.h>
#include <stdint.h>

struct vfio_vf {
	int container;
	int group;
	int device;
	uint8_t *bar0;
	size_t bar0_len;
};

/* 0, or -1 with a one-line reason in err. */
int vfio_vf_open(struct vfio_vf *vf, const char *bdf, const char *token,
	char *err, size_t errlen);

/* Function-level reset: the PF sees a VFLR and drops the VF's
 * clear-to-send state. 0 or -errno. */
int vfio_vf_reset(struct vfio_vf *vf);

void vfio_vf_close(struct vfio_vf *vf);

#endif /* ROGUE_VFIO_VF_H */
