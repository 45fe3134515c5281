// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mvlan: MAC address based virtual LAN devices, an out-of-tree MACVLAN
 * driver with its own generic netlink family.
 */
#include <linux/module.h>
#include <net/genetlink.h>
#include <net/rtnetlink.h>

#include "hostbridge.h"
#include "mvlan_lib.h"
#include "mvlan_priv.h"

static int __init mvlan_init_module(void)
{
	int err;

	err = mvlan_source_init();
	if (err)
		return err;

	err = mvlan_notifier_register();
	if (err)
		goto source_exit;

	err = mvlan_link_register(&mvlan_link_ops);
	if (err)
		goto unregister_notifier;

	err = mvlan_genl_register();
	if (err)
		goto unregister_link;

	pr_info("mvlan " MVLAN_VERSION " loaded\n");
	return 0;

unregister_link:
	rtnl_link_unregister(&mvlan_link_ops);
unregister_notifier:
	mvlan_notifier_unregister();
source_exit:
	mvlan_source_exit();
	return err;
}

static void __exit mvlan_exit_module(void)
{
	/* deletes every remaining mvlan device, telling the events group */
	rtnl_link_unregister(&mvlan_link_ops);
	mvlan_genl_unregister();
	mvlan_notifier_unregister();
	mvlan_source_exit();
	mvlan_hostbridge_exit();
}

module_init(mvlan_init_module);
module_exit(mvlan_exit_module);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The mvlan developers");
MODULE_DESCRIPTION("MAC address based virtual LAN devices with a generic netlink interface");
MODULE_VERSION(MVLAN_VERSION);
MODULE_ALIAS_RTNL_LINK(MVLAN_LINK_KIND);
MODULE_ALIAS_GENL_FAMILY(MVLAN_GENL_NAME);
