/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <rte_alarm.h>
#include <rte_errno.h>

#include "igb_model.h"
#include "igb_vf.h"
#include "vf_fakes.h"

#define FAKE_ALARMS 4

atomic_uint fake_events[RTE_ETH_EVENT_MAX];
void (*fake_event_hook)(struct rte_eth_dev *dev, enum rte_eth_event_type ev);

static struct {
	rte_eal_alarm_callback fn;
	void *arg;
} alarms[FAKE_ALARMS];
static unsigned int nb_alarms;
static rte_eal_alarm_callback running_fn; /* the alarm being run */
static void *running_arg;
static pthread_t running_thread;
static pthread_mutex_t alarm_lock = PTHREAD_MUTEX_INITIALIZER;

void
fake_reset(void)
{
	unsigned int i;

	for (i = 0; i < RTE_ETH_EVENT_MAX; i++)
		atomic_store(&fake_events[i], 0);
	fake_event_hook = NULL;
	pthread_mutex_lock(&alarm_lock);
	nb_alarms = 0;
	pthread_mutex_unlock(&alarm_lock);
}

int
rte_eth_dev_callback_process(
	struct rte_eth_dev *dev, enum rte_eth_event_type event, void *ret_param)
{
	(void)ret_param;
	atomic_fetch_add(&fake_events[event], 1);
	if (fake_event_hook != NULL)
		fake_event_hook(dev, event);
	return 0;
}

int
rte_eal_alarm_set(uint64_t us, rte_eal_alarm_callback cb_fn, void *cb_arg)
{
	(void)us;
	pthread_mutex_lock(&alarm_lock);
	if (nb_alarms == FAKE_ALARMS) {
		pthread_mutex_unlock(&alarm_lock);
		rte_errno = ENOMEM;
		return -ENOMEM;
	}
	alarms[nb_alarms].fn = cb_fn;
	alarms[nb_alarms].arg = cb_arg;
	nb_alarms++;
	pthread_mutex_unlock(&alarm_lock);
	return 0;
}

int
rte_eal_alarm_cancel(rte_eal_alarm_callback cb_fn, void *cb_arg)
{
	unsigned int i = 0;
	int count = 0;

	pthread_mutex_lock(&alarm_lock);
	while (i < nb_alarms) {
		if (alarms[i].fn == cb_fn &&
			(cb_arg == (void *)-1 || alarms[i].arg == cb_arg)) {
			memmove(&alarms[i], &alarms[i + 1],
				(nb_alarms - i - 1) * sizeof(alarms[0]));
			nb_alarms--;
			count++;
		} else {
			i++;
		}
	}
	/* As EAL: an alarm cannot cancel its own run. */
	if (running_fn == cb_fn &&
		(cb_arg == (void *)-1 || running_arg == cb_arg) &&
		pthread_equal(running_thread, pthread_self()))
		rte_errno = EINPROGRESS;
	else if (count == 0)
		rte_errno = ENOENT;
	pthread_mutex_unlock(&alarm_lock);
	return count;
}

unsigned int
fake_alarms_armed(void)
{
	unsigned int n;

	pthread_mutex_lock(&alarm_lock);
	n = nb_alarms;
	pthread_mutex_unlock(&alarm_lock);
	return n;
}

bool
fake_alarm_fire(void)
{
	rte_eal_alarm_callback fn;
	void *arg;

	pthread_mutex_lock(&alarm_lock);
	if (nb_alarms == 0) {
		pthread_mutex_unlock(&alarm_lock);
		return false;
	}
	fn = alarms[0].fn;
	arg = alarms[0].arg;
	memmove(&alarms[0], &alarms[1], (nb_alarms - 1) * sizeof(alarms[0]));
	nb_alarms--;
	running_fn = fn;
	running_arg = arg;
	running_thread = pthread_self();
	pthread_mutex_unlock(&alarm_lock);
	fn(arg);
	pthread_mutex_lock(&alarm_lock);
	running_fn = NULL;
	pthread_mutex_unlock(&alarm_lock);
	return true;
}

void
fake_port_init(struct igb_model *m, struct igb_vf_adapter *ad,
	struct rte_eth_dev *dev, struct rte_eth_dev_data *data,
	struct rte_ether_addr *macs)
{
	static const uint8_t pf_mac[6] = {0x02, 0, 0, 0, 0, 0x10};
	unsigned int t;

	model_init(m);
	m->agent = true;
	for (t = 0; t < 8; t++)
		m->answer[t] = ANSWER_ACK;
	memcpy(m->mac, pf_mac, sizeof(pf_mac));
	memset(ad, 0, sizeof(*ad));
	memset(data, 0, sizeof(*data));
	memset(dev, 0, sizeof(*dev));
	ad->hw = m->vf_hw;
	rte_spinlock_init(&ad->mbx_lock);
	rte_spinlock_init(&ad->stats_lock);
	igb_mbx_vf_init(&ad->mbx, &ad->hw);
	snprintf(data->name, sizeof(data->name), "test_vf");
	data->dev_private = ad;
	data->mac_addrs = macs;
	data->mtu = 1500;
	dev->data = data;
	TAILQ_INIT(&dev->link_intr_cbs);
}
