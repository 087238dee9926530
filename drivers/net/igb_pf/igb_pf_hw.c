/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>

#include "igb_pf_hw.h"

void
igb_pf_hw_set_rar(struct igb_hw *hw, unsigned int idx,
	const uint8_t mac[IGB_PF_ETH_ALEN], uint8_t pools)
{
	uint32_t ral, rah;

	if (idx >= IGB_RAR_ENTRIES)
		return;
	if (pools == 0) {
		igb_write(hw, IGB_RAH(idx), 0);
		igb_write(hw, IGB_RAL(idx), 0);
		return;
	}
	ral = (uint32_t)mac[0] | (uint32_t)mac[1] << 8 |
		(uint32_t)mac[2] << 16 | (uint32_t)mac[3] << 24;
	rah = (uint32_t)mac[4] | (uint32_t)mac[5] << 8 |
		(uint32_t)pools << IGB_RAH_POOL_SHIFT | IGB_RAH_AV;
	/* Rewriting an unchanged entry would drop its frames meanwhile. */
	if (igb_read(hw, IGB_RAL(idx)) == ral &&
		igb_read(hw, IGB_RAH(idx)) == rah)
		return;
	/* 82576: the entry matches while RAH.AV is set: clear AV, write the
	 * low half, then the high half with AV. */
	igb_write(hw, IGB_RAH(idx), 0);
	igb_write(hw, IGB_RAL(idx), ral);
	igb_write(hw, IGB_RAH(idx), rah);
}

/* 82576 4.5.11.1: the per-pool settings of VMDq mode. */
uint32_t
igb_pf_hw_vmolr(const struct igb_pf_sriov *s, unsigned int pool)
{
	uint32_t vmolr = IGB_VMOLR_BAM | IGB_VMOLR_LPE | IGB_VMOLR_STRCRC;
	const struct igb_pf_vf *v;

	if (pool == IGB_PF_POOL) {
		vmolr |= IGB_VMOLR_AUPE;
		vmolr |= (s->pf.max_frame + IGB_PF_VLAN_ROOM) &
			IGB_VMOLR_RLPML_MASK;
		if (s->pf.mc_count > 0)
			vmolr |= IGB_VMOLR_ROMPE;
		if (s->pf.allmulti || s->pf.promisc)
			vmolr |= IGB_VMOLR_MPME;
		if (s->pf.promisc)
			vmolr |= IGB_VMOLR_ROPE;
		if (s->pf.vlan_strip)
			vmolr |= IGB_VMOLR_STRVLAN;
		return vmolr;
	}
	if (pool >= s->num_vfs)
		return 0;
	v = &s->vf[pool];
	vmolr |= igb_pf_vf_rlpml(v) & IGB_VMOLR_RLPML_MASK;
	/* With a port VLAN the pool takes only frames tagged with it
	 * (82576: no AUPE, no untagged frame), and the tag is stripped
	 * before the VF sees them. */
	if (v->port_vlan != 0)
		vmolr |= IGB_VMOLR_STRVLAN;
	else
		vmolr |= IGB_VMOLR_AUPE;
	if (v->mc_count > 0)
		vmolr |= IGB_VMOLR_ROMPE;
	/* More groups than hashes: take all multicast (82576 7.10.3.4). */
	if (v->mc_overflow || v->promisc_mc)
		vmolr |= IGB_VMOLR_MPME;
	if (v->promisc_uc)
		vmolr |= IGB_VMOLR_ROPE;
	return vmolr;
}

uint32_t
igb_pf_hw_vmvir(const struct igb_pf_vf *v)
{
	if (v->port_vlan == 0)
		return 0;
	return IGB_VMVIR_VLANA_DEFAULT | v->port_vlan;
}

static void
mta_set(uint32_t mta[IGB_MTA_WORDS], uint16_t hash)
{
	hash &= IGB_PF_MC_HASH_MAX;
	mta[hash >> 5] |= UINT32_C(1) << (hash & 31);
}

void
igb_pf_hw_mta(const struct igb_pf_sriov *s, uint32_t mta[IGB_MTA_WORDS])
{
	unsigned int i, j;

	memset(mta, 0, IGB_MTA_WORDS * sizeof(uint32_t));
	for (i = 0; i < s->num_vfs; i++)
		for (j = 0; j < s->vf[i].mc_count; j++)
			mta_set(mta, s->vf[i].mc_hashes[j]);
	for (j = 0; j < s->pf.mc_count; j++)
		mta_set(mta, s->pf.mc_hashes[j]);
}

static void
sync_vlans(struct igb_hw *hw, const struct igb_pf_sriov *s)
{
	uint32_t vfta[IGB_VFTA_WORDS] = {0};
	unsigned int i;

	for (i = 0; i < IGB_VLVF_ENTRIES; i++) {
		const struct igb_pf_vlan_entry *e = &s->vlans.e[i];
		uint32_t vlvf = 0;

		if (e->pools != 0) {
			vlvf = IGB_VLVF_VLANID_ENABLE |
				(uint32_t)e->pools << IGB_VLVF_POOLSEL_SHIFT |
				e->vid;
			vfta[e->vid >> 5] |= UINT32_C(1) << (e->vid & 31);
		}
		igb_write(hw, IGB_VLVF(i), vlvf);
	}
	for (i = 0; i < IGB_VFTA_WORDS; i++)
		igb_write(hw, IGB_VFTA(i), vfta[i]);
}

static uint32_t
spoof_bits(const struct igb_pf_sriov *s)
{
	uint32_t bits = 0;
	unsigned int i;

	for (i = 0; i < s->num_vfs; i++) {
		if (s->vf[i].mac_spoofchk)
			bits |= IGB_DTXSWC_MAC_SPOOF(i);
		if (s->vf[i].vlan_spoofchk)
			bits |= IGB_DTXSWC_VLAN_SPOOF(i);
	}
	return bits;
}

void
igb_pf_hw_sync(struct igb_hw *hw, const struct igb_pf_sriov *s)
{
	uint32_t mta[IGB_MTA_WORDS];
	unsigned int i;

	for (i = 0; i < IGB_PF_MAX_VFS; i++) {
		if (i < s->num_vfs) {
			igb_pf_hw_set_rar(hw, IGB_PF_VF_RAR(i), s->vf[i].mac,
				(uint8_t)(1u << i));
			igb_write(hw, IGB_VMVIR(i), igb_pf_hw_vmvir(&s->vf[i]));
		} else {
			igb_pf_hw_set_rar(hw, IGB_PF_VF_RAR(i), NULL, 0);
			igb_write(hw, IGB_VMVIR(i), 0);
		}
		igb_write(hw, IGB_VMOLR(i), igb_pf_hw_vmolr(s, i));
	}
	igb_write(hw, IGB_VMOLR(IGB_PF_POOL), igb_pf_hw_vmolr(s, IGB_PF_POOL));
	sync_vlans(hw, s);
	igb_pf_hw_mta(s, mta);
	for (i = 0; i < IGB_MTA_WORDS; i++)
		igb_write(hw, IGB_MTA(i), mta[i]);
	/* 82576: MAC and VLAN anti-spoofing per VF (QEMU: stored, never
	 * enforced). 82576 7.10.3.6: VM-to-VM switching, only with a VF to
	 * switch to: QEMU passes every frame a switching port sends through
	 * its whole Rx filter first, which costs the PF alone over half its
	 * Tx rate in the guest. */
	igb_write(hw, IGB_DTXSWC,
		(s->num_vfs > 0 ? IGB_DTXSWC_VMDQ_LOOPBACK_EN : 0) |
			spoof_bits(s));
	/* 82576 4.5.11.2.1: a VF's pool receives and sends only once the PF
	 * sets its VFRE / VFTE bit (here: once its reset handshake is done). */
	igb_write(hw, IGB_VFRE, igb_pf_vf_rx_pools(s) | IGB_BIT(IGB_PF_POOL));
	igb_write(hw, IGB_VFTE, igb_pf_vf_tx_pools(s) | IGB_BIT(IGB_PF_POOL));
}

void
igb_pf_hw_sriov_enable(struct igb_hw *hw, const struct igb_pf_sriov *s)
{
	uint32_t rctl;

	/* 82576 4.5.11.1: VMDq mode. Every unicast frame no pool claims goes
	 * to the PF (the default pool); multicast and broadcast go to every
	 * pool that takes them (82576 7.10.3.4; QEMU: whatever VM_REPL_EN). */
	igb_write(hw, IGB_VT_CTL,
		IGB_PF_POOL << IGB_VT_CTL_DEF_POOL_SHIFT |
			IGB_VT_CTL_VM_REPL_EN);
	igb_write(hw, IGB_MRQC, IGB_MRQC_ENABLE_VMDQ);
	/* The global size check (RLPML) applies as well as the per-pool one
	 * (QEMU: first): open it to the largest frame any pool may accept. */
	igb_write(hw, IGB_RLPML, IGB_PF_FRAME_MAX + IGB_PF_VLAN_ROOM);
	/* 82576 4.5.9, 4.5.11.1: the pools filter (no UPE / MPE; QEMU ignores
	 * both in VMDq mode); VLAN filter, long frames, CRC stripped. */
	rctl = igb_read(hw, IGB_RCTL);
	rctl &= ~(IGB_RCTL_UPE | IGB_RCTL_MPE | IGB_RCTL_SBP);
	rctl |= IGB_RCTL_VFE | IGB_RCTL_LPE | IGB_RCTL_BAM | IGB_RCTL_SECRC;
	igb_write(hw, IGB_RCTL, rctl);
	igb_pf_hw_sync(hw, s);
}

void
igb_pf_hw_sriov_disable(struct igb_hw *hw)
{
	unsigned int i;

	igb_write(hw, IGB_VFRE, IGB_BIT(IGB_PF_POOL));
	igb_write(hw, IGB_VFTE, IGB_BIT(IGB_PF_POOL));
	for (i = 0; i < IGB_PF_MAX_VFS; i++) {
		igb_pf_hw_set_rar(hw, IGB_PF_VF_RAR(i), NULL, 0);
		igb_write(hw, IGB_VMOLR(i), 0);
		igb_write(hw, IGB_VMVIR(i), 0);
	}
	for (i = 0; i < IGB_VLVF_ENTRIES; i++)
		igb_write(hw, IGB_VLVF(i), 0);
	igb_write(hw, IGB_DTXSWC, 0);
}

/* 82576 4.5.11.2.3: PFRSTD clears RSTI and sets RSTD at every VF (QEMU
 * alike): they may start their reset handshake. */
void
igb_pf_hw_pf_ready(struct igb_hw *hw)
{
	igb_write(hw, IGB_CTRL_EXT,
		igb_read(hw, IGB_CTRL_EXT) | IGB_CTRL_EXT_PFRSTD);
}

void
igb_pf_hw_reset(struct igb_hw *hw)
{
	/* 82576 4.5.4: interrupts masked before the reset; Rx, Tx stopped. */
	igb_write(hw, IGB_IMC, ~0u);
	igb_write(hw, IGB_RCTL, 0);
	igb_write(hw, IGB_TCTL, IGB_TCTL_PSP);
	igb_flush(hw);
	/* 82576 4.5.5: software reset (QEMU: done within the write). 82576
	 * 4.5.11.2.3: it sets RSTI at every VF until igb_pf_hw_pf_ready(). */
	igb_write(hw, IGB_CTRL, igb_read(hw, IGB_CTRL) | IGB_CTRL_RST);
	igb_delay_us(hw, IGB_PF_RESET_DELAY_US);
	/* 82576 4.5.4: masked again after it, pending causes read away. */
	igb_write(hw, IGB_IMC, ~0u);
	(void)igb_read(hw, IGB_ICR);
}
