import { describe, expect, it } from 'vitest';
import { lexiconOf, relationsOf } from './ingest-extract-helpers.js';

/** Typed relations from sentence structure: one sentence per relation type, in English and in Chinese. */
const lexicon = lexiconOf(`concepts:
  - { name: InnoDB, kind: component }
  - { name: B+ tree, kind: concept, aliases: [b+ tree, B+树] }
  - { name: Redis, kind: project, aliases: [redis] }
  - { name: epoll, kind: component }
  - { name: RabbitMQ, kind: project, aliases: [rabbitmq] }
  - { name: AMQP, kind: protocol }
  - { name: Erlang, kind: language }
  - { name: Ceph OSD, kind: component, aliases: [ceph osd] }
  - { name: Ceph Monitor, kind: component, aliases: [ceph monitor] }
  - { name: Keystone, kind: project }
  - { name: OpenStack, kind: project, aliases: [openstack] }
  - { name: SvelteKit, kind: project }
  - { name: Svelte, kind: project }
  - { name: nova-api, kind: component }
  - { name: nova-scheduler, kind: component }
  - { name: nova-compute, kind: component }
  - { name: nginx, kind: project }
  - { name: Puma, kind: project }
  - { name: ActiveJob, kind: component }
  - { name: Sidekiq, kind: project }
  - { name: Kubernetes, kind: project, aliases: [kubernetes] }
  - { name: Pod, kind: concept, aliases: [pod, pods] }
  - { name: Kafka, kind: project }
  - { name: ZooKeeper, kind: project }
  - { name: PostgreSQL, kind: project }
  - { name: partial index, kind: concept, aliases: [partial indexes] }
  - { name: DataNode, kind: component }
  - { name: NameNode, kind: component }
  - { name: Tokio, kind: project }
  - { name: mio, kind: component }
  - { name: Flink, kind: project }
  - { name: Spark Streaming, kind: project }
  - { name: psql, kind: command }
  - { name: hdfs, kind: command, exact: [hdfs] }
  - { name: HDFS system, kind: project, exact: [HDFS] }
  - { name: Spark, kind: project }
  - { name: YARN, kind: project }
  - { name: message broker, kind: concept, aliases: [消息代理] }
  - { name: Vite, kind: project }
  - { name: webpack, kind: project }
  - { name: TypeScript, kind: language }
  - { name: Django ORM, kind: component }
  - { name: Docker, kind: project, aliases: [docker] }
  - { name: container, kind: concept, aliases: [containers, 容器] }
  - { name: virtual machine, kind: concept, aliases: [虚拟机] }
  - { name: KVM, kind: project }
`);

describe('typed relations from sentence structure', () => {
  it.each([
    ['USES', 'InnoDB uses B+ tree for its indexes.', 'innodb USES b-tree'],
    ['USES', 'Redis internally uses `epoll` on Linux.', 'redis USES epoll'],
    ['USES', 'Redis 在 Linux 上使用 epoll 监听连接。', 'redis USES epoll'],
    ['IS_A', 'RabbitMQ is a message broker.', 'rabbitmq IS_A message-broker'],
    ['IS_A', 'RabbitMQ 是一种消息代理。', 'rabbitmq IS_A message-broker'],
    ['PART_OF', 'A Pod is part of Kubernetes.', 'pod PART_OF kubernetes'],
    ['PART_OF', 'Pod 是 Kubernetes 的核心组件。', 'pod PART_OF kubernetes'],
    ['BASED_ON', 'SvelteKit is based on Svelte.', 'sveltekit BASED_ON svelte'],
    ['BASED_ON', 'rabbitmq是AMQP的一种基于Erlang的实现', 'rabbitmq BASED_ON erlang'],
    ['CALLS', 'nova-api calls nova-scheduler over RPC.', 'nova-api CALLS nova-scheduler'],
    ['CALLS', 'nova-api 调用 nova-scheduler 完成调度。', 'nova-api CALLS nova-scheduler'],
    ['ROUTES_TO', 'nginx forwards requests to Puma.', 'nginx ROUTES_TO puma'],
    ['ROUTES_TO', 'nginx 将请求转发给 Puma。', 'nginx ROUTES_TO puma'],
    ['WRAPS', 'ActiveJob wraps Sidekiq behind one API.', 'activejob WRAPS sidekiq'],
    ['WRAPS', 'ActiveJob 封装了 Sidekiq 的接口。', 'activejob WRAPS sidekiq'],
    ['MANAGES', 'Kubernetes manages pods on every node.', 'kubernetes MANAGES pod'],
    ['MANAGES', 'Kubernetes 负责管理 Pod 的生命周期。', 'kubernetes MANAGES pod'],
    ['STORES_IN', 'Flink stores its checkpoints in HDFS.', 'flink STORES_IN hdfs-system'],
    ['STORES_IN', 'Flink 将检查点保存在 HDFS 中。', 'flink STORES_IN hdfs-system'],
    ['SUPPORTS', 'PostgreSQL supports partial indexes.', 'postgresql SUPPORTS partial-index'],
    ['SUPPORTS', 'PostgreSQL 支持 partial index。', 'postgresql SUPPORTS partial-index'],
    ['DEPENDS_ON', 'Older Kafka depends on ZooKeeper for metadata.', 'kafka DEPENDS_ON zookeeper'],
    ['DEPENDS_ON', '旧版本的 Kafka 依赖 ZooKeeper 保存元数据。', 'kafka DEPENDS_ON zookeeper'],
    ['IMPLEMENTS', 'RabbitMQ implements AMQP.', 'rabbitmq IMPLEMENTS amqp'],
    ['IMPLEMENTS', 'rabbitmq是AMQP的一种基于Erlang的实现', 'rabbitmq IMPLEMENTS amqp'],
    ['REPORTS_TO', 'Every DataNode reports its blocks to NameNode.', 'datanode REPORTS_TO namenode'],
    ['REPORTS_TO', 'ceph osd 将自己的状态报告给 ceph monitor', 'ceph-osd REPORTS_TO ceph-monitor'],
    ['COMPARED_WITH', 'Vite is compared with webpack in every migration guide.', 'vite COMPARED_WITH webpack'],
    ['COMPARED_WITH', 'Flink 常常对比 Spark Streaming。', 'flink COMPARED_WITH spark-streaming'],
    ['RUNS_ON', 'Spark runs on YARN in our cluster.', 'spark RUNS_ON yarn'],
    ['RUNS_ON', 'Spark 运行在 YARN 上。', 'spark RUNS_ON yarn'],
    ['COMMAND_OF', 'psql is the command-line client of PostgreSQL.', 'psql COMMAND_OF postgresql'],
    ['COMMAND_OF', 'hdfs 是 HDFS 的命令行工具。', 'hdfs COMMAND_OF hdfs-system'],
  ])('%s from "%s"', (_type, sentence, expected) => {
    expect(relationsOf(sentence, lexicon)).toContain(expected);
  });

  it('reads a pipeline of arrows and of chained calls, but not an arrow in a heading or in code', () => {
    expect(relationsOf('Flow\nnova-api -> nova-scheduler -> nova-compute', lexicon)).toEqual(['nova-api CALLS nova-scheduler', 'nova-scheduler CALLS nova-compute']);
    expect(relationsOf('流程\nnova-api 调用 nova-scheduler 再调用 nova-compute', lexicon)).toEqual(['nova-api CALLS nova-scheduler', 'nova-scheduler CALLS nova-compute']);
    expect(relationsOf('nova-api->nova-scheduler原理\n说明', lexicon)).toEqual([]);
    expect(relationsOf('Code\n```c\nnova_api->nova_scheduler = 0; p->first = nova-api -> nova-scheduler;\n```', lexicon)).toEqual([]);
  });

  it('reads list items under a heading as parts, and a definition as what the item is or does', () => {
    expect(relationsOf('OpenStack 组件：\nKeystone: 认证服务\n- nova-scheduler: 虚拟机的调度', lexicon)).toEqual([
      'keystone PART_OF openstack',
      'nova-scheduler PART_OF openstack',
      'nova-scheduler MANAGES virtual-machine',
    ]);
    expect(relationsOf('Kubernetes 组件：\n- Kubernetes: 容器的管理', lexicon)).toContain('kubernetes MANAGES container');
  });

  it('states nothing from a YAML block, fenced or not', () => {
    expect(relationsOf('Config\n```yaml\nopenstack:\n  keystone: enabled\n  nova-api: 2\n```', lexicon)).toEqual([]);
    expect(relationsOf('Config\nOpenStack:\n  Keystone: true\n  nova-api: 8774\n  nova-scheduler: /usr/bin/nova-scheduler', lexicon)).toEqual([]);
  });

  it('states nothing when the sentence negates the cue or the cue is a noun', () => {
    expect(relationsOf('Redis does not use epoll on macOS.', lexicon)).toEqual([]);
    expect(relationsOf('Redis 不使用 epoll。', lexicon)).toEqual([]);
    expect(relationsOf('容器编排的主流项目是 Kubernetes', lexicon)).toEqual([]);
  });

  it('finds the subject across an apposition', () => {
    expect(relationsOf('Redis, an in-memory store, uses epoll.', lexicon)).toEqual(['redis USES epoll']);
  });
});

describe('relations measured on real notes (round 3)', () => {
  const own = lexiconOf(`concepts:
  - { name: OpenStack, kind: project, aliases: [openstack] }
  - { name: Keystone, kind: project }
  - { name: Glance, kind: project }
  - { name: Ceph, kind: project, aliases: [ceph] }
  - { name: iops, kind: concept, aliases: [IOPS] }
  - { name: join, kind: concept, aliases: [JOIN] }
  - { name: left join, kind: concept, aliases: [LEFT JOIN] }
  - { name: Libvirt, kind: project, aliases: [libvirt] }
  - { name: KVM, kind: project }
  - { name: CentOS, kind: project, aliases: [centos, Centos] }
  - { name: OpenVPN, kind: project, aliases: [openvpn] }
  - { name: await, kind: concept }
  - { name: queue, kind: concept, aliases: [队列] }
  - { name: router, kind: concept }
  - { name: 广播域, kind: concept }
  - { name: 网卡, kind: concept }
  - { name: DHCP, kind: protocol, aliases: [dhcp] }
  - { name: PostgreSQL, kind: project }
  - { name: storage, kind: concept, aliases: [存储] }
  - { name: mysqlhotcopy, kind: command }
  - { name: Perl, kind: language, aliases: [PERL] }
`);
  const of = (text: string) => relationsOf(text, own);

  it('makes the items of a list parts of the concept before the colon only across words that name parts', () => {
    expect(of('openstack基础组件：\nKeystone: 认证服务\nGlance:   镜像服务')).toEqual(['keystone PART_OF openstack', 'glance PART_OF openstack']);
    expect(of('ceph性能测试：\niops: 存储每秒传输的IO数量\n')).toEqual([]);
  });

  it('makes an item named after the head of its list a kind of it, not a part', () => {
    expect(of('join:\nleft join: 左连接，即使右表中没有匹配，也返回左表的行')).toEqual(['left-join IS_A join']);
  });

  it('states no relation in a heading', () => {
    expect(of('# Centos使用openvpn\n\n先装好依赖。')).toEqual([]);
  });

  it('reads a reverse cue in a definition from what follows it, and no object after a preposition', () => {
    expect(of('* await: 一个IO请求花费的时间，包括在队列中的时间')).toEqual([]);
  });

  it('takes the mention after a clause-opening verb as its object, not the subject of the next verb', () => {
    expect(of('连接两个隔离的广播域就需要用到router，这是常见做法。')).toEqual([]);
    expect(of('使用Libvirt管理KVM虚拟机，可以修改xml配置文件。')).toEqual(['libvirt MANAGES kvm']);
  });

  it('denies a relation negated anywhere before its cue', () => {
    expect(of('没有人会在装好系统后让网卡使用dhcp模式，通常都配置静态地址。')).toEqual([]);
  });

  it('takes no object that belongs to something unnamed, and no modifier of a compound as what a thing is', () => {
    expect(of('PostGIS 使 PostgreSQL 支持空间数据的存储和使用。')).toEqual([]);
    expect(of('mysqlhotcopy 是一个 PERL 程序，最初由一个人编写。')).toEqual([]);
  });

  it('reads a management tool as managing its thing, not as its command', () => {
    expect(of('Libvirt是KVM的管理工具，它还可以管理别的虚拟化平台。')).toEqual(['libvirt MANAGES kvm']);
  });
});
