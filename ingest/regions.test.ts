import { describe, expect, it } from 'vitest';
import { indexRegions } from './regions/region-index.js';
import { fencedCode, insideRegion, markRegions, type RegionKind, type TextRegion } from './regions.js';

/** The regions of `text` as [kind, marked text, label?] rows, enclosing regions first. */
const rows = (text: string) => markRegions(text).map((region) => [region.kind, text.slice(region.start, region.end), ...(region.label ? [region.label] : [])]);

/** The kinds of the regions that cover `snippet` (its first occurrence). */
function kindsAt(text: string, snippet: string): RegionKind[] {
  const start = text.indexOf(snippet);
  if (start < 0) throw new Error(`fixture lacks ${snippet}`);
  return markRegions(text)
    .filter((region) => region.start <= start && start + snippet.length <= region.end)
    .map((region) => region.kind);
}

const commands = (text: string) => markRegions(text).filter((region) => region.kind === 'command').map((region: TextRegion) => [text.slice(region.start, region.end), region.program]);

describe('fenced code', () => {
  it('marks the body of a labelled fence and keeps the label as metadata', () => {
    const text = 'Run it:\n```bash\nkubectl get pods\n```\nDone.';
    const [region] = fencedCode(text);
    expect(region).toMatchObject({ kind: 'code', label: 'bash' });
    expect(text.slice(region!.start, region!.end)).toBe('kubectl get pods');
    expect(insideRegion(fencedCode(text), text.indexOf('Done'), text.indexOf('Done') + 4)).toBe(false);
  });

  it('marks the fence lines, label included, as markup: a fence label is never prose', () => {
    const text = 'Steps:\n```bash\nls -la\n```\n';
    expect(kindsAt(text, '```bash')).toEqual(['markup']);
    expect(markRegions(text).find((region) => region.kind === 'markup')?.label).toBe('bash');
  });

  it('runs an unclosed fence to the end of the text', () => {
    const text = 'a\n~~~\ncode line';
    expect(text.slice(fencedCode(text)[0]!.start)).toBe('code line');
  });

  it.each([
    ['yaml', 'config'],
    ['json', 'config'],
    ['ini', 'config'],
    ['output', 'output'],
    ['python', 'code'],
    ['', 'code'],
  ])('classifies a fence labelled "%s" as %s', (label, kind) => {
    expect(fencedCode(`\`\`\`${label}\nx: 1\n\`\`\``)[0]!.kind).toBe(kind);
  });

  it('reads every line of a shell fence as a command with the program it runs, comments aside', () => {
    const text = '```bash\n# install the broker\nsudo apt-get install -y rabbitmq-server\nrabbitmqctl list_queues\n```';
    expect(commands(text)).toEqual([
      ['sudo apt-get install -y rabbitmq-server', 'apt-get'],
      ['rabbitmqctl list_queues', 'rabbitmqctl'],
    ]);
  });

  it('reads a terminal transcript as prompts, commands and their output', () => {
    const text = '```console\n$ docker ps\nCONTAINER ID   IMAGE   NAMES\n3f2a1b4c5d6e   nginx   web\n$ docker stop web\nweb\n```';
    expect(rows(text).filter(([kind]) => kind === 'command' || kind === 'output')).toEqual([
      ['command', 'docker ps'],
      ['output', 'CONTAINER ID   IMAGE   NAMES\n3f2a1b4c5d6e   nginx   web', 'session'],
      ['command', 'docker stop web'],
      ['output', 'web', 'session'],
    ]);
  });

  it('does not read comments of a Python fence as root prompts, nor an ellipsis as a continuation prompt', () => {
    const text = '```python\n# build the client\nclient = make_client()\n... (repeat as needed)\n```';
    expect(markRegions(text).map((region) => region.kind)).toEqual(['markup', 'code', 'markup']);
  });
});

describe('prompts and command lines', () => {
  it.each([
    ['$ kubectl get pods -n kube-system', 'kubectl'],
    ['[root@ceph-node1 ~]# ceph osd tree', 'ceph'],
    ['admin@web01:~/app$ npm run build', 'npm'],
    ['(venv) $ pip install requests', 'pip'],
    ['PS C:\\Users\\me> Get-Service', 'Get-Service'],
    ['#ovs-vsctl list-br', 'ovs-vsctl'],
    ['# yum install -y openstack-nova', 'yum'],
    ['sudo systemctl restart nginx && journalctl -u nginx', 'systemctl'],
  ])('marks "%s" as a command of %s, prompt excluded', (line, program) => {
    const text = `Before that:\n\n${line}\n\nAfter that, it works.`;
    const [command] = markRegions(text).filter((region) => region.kind === 'command');
    expect(command?.program).toBe(program);
    expect(line.endsWith(text.slice(command!.start, command!.end))).toBe(true);
  });

  it('marks a database prompt as a statement with no program', () => {
    const text = 'mysql> SHOW DATABASES;';
    expect(rows(text)).toEqual([
      ['markup', 'mysql> ', 'prompt'],
      ['command', 'SHOW DATABASES;'],
    ]);
  });

  it.each([
    'Use -v for verbose output when the build fails.',
    'use -v for verbose output',
    '# Install Docker',
    '$ 5 a month is what the plan costs.',
    'The price went from 5 to 10 -- a big jump.',
    '先执行 ceph -s 查看集群状态，再决定是否重启。',
  ])('leaves prose with flags, dollars or dashes alone: %s', (line) => {
    expect(commands(line)).toEqual([]);
  });

  it('marks what a prompted command printed under it, up to a blank line', () => {
    const text = '[root@ceph ~]# ceph osd tree\nID WEIGHT  TYPE NAME     UP/DOWN\n0  1.0     osd.0         up\n\n集群恢复正常。';
    expect(kindsAt(text, 'osd.0')).toContain('output');
    expect(kindsAt(text, '集群恢复正常')).toEqual([]);
  });
});

describe('command output and logs', () => {
  it('marks pasted column output under an upper-case header row', () => {
    const text = 'The pods are up:\n\nNAME                     READY   STATUS    RESTARTS   AGE\nnginx-7c5ddbdf54-2xj7k   1/1     Running   0          5m\n\nAll good.';
    expect(rows(text)).toEqual([['output', 'NAME                     READY   STATUS    RESTARTS   AGE\nnginx-7c5ddbdf54-2xj7k   1/1     Running   0          5m', 'table']]);
  });

  it('marks the docker ps header with its two-word columns', () => {
    const text = 'CONTAINER ID   IMAGE     COMMAND                  CREATED       STATUS       PORTS     NAMES\n3f2a1b4c5d6e   nginx     "/docker-entrypoint.…"   2 hours ago   Up 2 hours   80/tcp    web';
    expect(kindsAt(text, 'CONTAINER ID')).toEqual(['output']);
    expect(kindsAt(text, 'PORTS')).toEqual(['output']);
  });

  it('marks mixed-case column output when the rows under it line up', () => {
    const text = 'Filesystem      Size  Used Avail Use% Mounted on\n/dev/sda1        50G   20G   28G  42% /\ntmpfs           3.9G     0  3.9G   0% /dev/shm';
    expect(rows(text)).toEqual([['output', text, 'table']]);
  });

  it('does not take a shouted title over a sentence for a header row', () => {
    expect(rows('CREATING AN I/O CONTEXT\nThe context holds the pool you write to.')).toEqual([]);
  });

  it('marks bordered CLI tables as output and Markdown tables as tables', () => {
    const cli = '+----+--------+\n| ID | Name   |\n+----+--------+\n| 1  | web01  |\n+----+--------+';
    expect(rows(cli)).toEqual([['output', cli, 'table']]);
    const markdown = '| Service | Role |\n|---|---|\n| Nova | 计算 |\n| Glance | 镜像 |';
    expect(rows(markdown)).toEqual([['table', markdown, 'markdown']]);
  });

  it('marks two timestamped log lines, and a single one only when it carries a level or a pid', () => {
    const log = '2024-01-05 12:00:01.123 2813 ERROR nova.compute.manager [-] Instance failed to spawn\n2024-01-05 12:00:02.456 2813 INFO nova.compute.manager [-] Retrying';
    expect(rows(log)).toEqual([['output', log, 'log']]);
    expect(rows('Jan  5 12:00:01 web01 sshd[812]: Accepted publickey for deploy')[0]?.[0]).toBe('output');
    expect(rows('2024-01-05 ERROR the disk filled up at 03:00')).toEqual([]);
    expect(rows('2024-01-05 10:00 met the storage team about the Ceph upgrade.')).toEqual([]);
  });

  it('marks a Python traceback and a Java stack trace', () => {
    const python = 'Traceback (most recent call last):\n  File "app.py", line 3, in <module>\n    main()\nKeyError: \'host\'';
    expect(rows(python)).toEqual([['output', python, 'traceback']]);
    const java = 'java.lang.IllegalStateException: closed\n\tat com.example.Pool.take(Pool.java:42)\n\tat com.example.App.main(App.java:7)';
    expect(rows(java)).toEqual([['output', java, 'traceback']]);
  });
});

describe('configuration', () => {
  it('marks a Kubernetes manifest, blank lines between its top-level keys included', () => {
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n\nspec:\n  containers:\n  - name: web\n    image: nginx:1.25';
    expect(rows(`Apply this:\n\n${yaml}\n\nThen wait.`)).toEqual([['config', yaml, 'yaml']]);
  });

  it.each([
    ['a sentence with a colon', 'Note: this only works on the primary.'],
    ['a Chinese definition list', 'Keystone: 认证服务\nNova: 计算服务\nGlance: 镜像服务'],
    ['a Chinese list of definitions', '- Keystone: 认证服务的管理\n- Nova: 虚拟机的管理\n- Neutron: 网络的管理'],
    ['an English definition list', 'Nova: the compute service\nGlance: the image service\nSwift: the object store'],
    ['a question and its answer', 'Q: why does the OSD flap?\nA: the network drops heartbeats.'],
    ['a list under a label', 'Requirements:\n- Python 3\nOptional:\n- Redis'],
  ])('does not read %s as YAML', (_name, text) => {
    expect(rows(text).filter(([kind]) => kind === 'config')).toEqual([]);
  });

  it('starts a YAML block at its first key when a sentence with a colon sits right above it', () => {
    const text = 'Deploy it like this:\nname: web\nimage: nginx:1.25\nport: 8080';
    expect(rows(text)).toEqual([['config', 'name: web\nimage: nginx:1.25\nport: 8080', 'yaml']]);
  });

  it('keeps a long definition list out of config, however long', () => {
    const list = Array.from({ length: 3000 }, (_, i) => `Service${i}: 第${i}号认证服务`).join('\n');
    expect(markRegions(list)).toEqual([]);
  });

  it('marks an INI section with its keys, and ceph.conf keys with spaces', () => {
    const ini = '[DEFAULT]\nmy_ip = 10.0.0.11\ntransport_url = rabbit://openstack@controller';
    expect(rows(ini)).toEqual([['config', ini, 'ini']]);
    const ceph = 'filestore xattr use omap = true\nosd max attr size = 655360';
    expect(rows(ceph)).toEqual([['config', ceph, 'ini']]);
  });

  it('reads flags of commands as commands, not as INI keys', () => {
    const text = 'radosgw-admin user info --uid=37\nradosgw-admin bucket list --uid=37';
    expect(rows(text).map(([kind]) => kind)).toEqual(['command', 'command']);
  });

  it('marks env files, JSON and Python dicts', () => {
    expect(rows('POSTGRES_USER=app\nPOSTGRES_DB=orders')).toEqual([['config', 'POSTGRES_USER=app\nPOSTGRES_DB=orders', 'env']]);
    const json = '{\n  "name": "demo",\n  "replicas": 3\n}';
    expect(rows(json)).toEqual([['config', json, 'json']]);
    expect(rows("{'a': ['hello'], 'b': ['world']}")[0]?.[0]).toBe('config');
  });

  it('marks XML configuration but not prose formatted with HTML tags', () => {
    const xml = "<domain type='kvm'>\n  <name>vm1</name>\n  <memory>1024</memory>\n</domain>";
    expect(rows(xml)).toEqual([['config', xml, 'xml']]);
    const prose = '<font color="#ffff00">Detectron2</font> is a framework for object detection built on PyTorch.\n<b>It ships</b> many pretrained models for detection and segmentation.';
    expect(rows(prose)).toEqual([]);
  });
});

describe('code without fences', () => {
  it('marks an indented block of commands after a lead-in line, as code and as commands', () => {
    const text = '添加网桥：\n\tovs-vsctl add-br br0\n\tovs-vsctl add-port br0 eth0\n\n完成后检查。';
    expect(kindsAt(text, 'ovs-vsctl add-br br0')).toEqual(['code', 'command']);
    expect(kindsAt(text, '完成后检查')).toEqual([]);
  });

  it('leaves indented prose alone: a list item continued, a quoted passage', () => {
    const text = '- Install the agent on every node.\n    It registers itself with the controller on start.\n\n    注意：升级前先备份数据库，再停止服务。';
    expect(rows(text)).toEqual([]);
  });

  it('marks unfenced C and Python snippets, not a sentence with parentheses', () => {
    const c = 'int main(int argc, char *argv[])\n{\n\tp->push_back(x);\n\treturn 0;\n}';
    expect(rows(c)).toEqual([['code', c]]);
    const python = 'for key in data:\n    print(key)';
    expect(kindsAt(python, 'print(key)')).toContain('code');
    expect(rows('See the result (above) and compare it with the plan (below).')).toEqual([]);
  });
});

describe('headings', () => {
  it('marks ATX, setext and numbered headings with their level', () => {
    const text = '# Storage\n\nSetext title\n============\n\n2.3 Replication\n\nbody text\n\n三、部署步骤\n\n正文。';
    expect(markRegions(text).filter((region) => region.kind === 'heading').map((region) => [text.slice(region.start, region.end), region.level])).toEqual([
      ['# Storage', 1],
      ['Setext title\n============', 1],
      ['2.3 Replication', 2],
      ['三、部署步骤', 1],
    ]);
  });

  it('does not read a numbered list spaced by blank lines, a comment block or #include as headings', () => {
    const list = '1. unclean\n\n2. inactive\n\n3. stale';
    expect(rows(list)).toEqual([]);
    const comments = '# NOTICE: this file is generated\n# edit the template instead\n# then run make';
    expect(rows(comments).filter(([kind]) => kind === 'heading')).toEqual([]);
    expect(rows('#include <stdio.h>').filter(([kind]) => kind === 'heading')).toEqual([]);
  });

  it('keeps arrows in headings inside the heading region', () => {
    const text = '## PG->OSD 原理\n\nceph 先把对象映射到 PG。';
    expect(kindsAt(text, 'PG->OSD')).toEqual(['heading']);
    expect(kindsAt(text, 'ceph 先把')).toEqual([]);
  });
});

describe('prose stays prose', () => {
  it('marks nothing but inline code in English and Chinese paragraphs with colons, arrows and parentheses', () => {
    const text = [
      'Kafka keeps each partition as a log: producers append, consumers read at their own offset.',
      'The request path is client -> API gateway -> service (see the diagram).',
      'Use `kubectl` to talk to the API server; it stores state in etcd.',
      '',
      'Ceph 的数据路径：对象 -> PG -> OSD，CRUSH 算法决定 PG 落在哪些 OSD 上。',
      'Keystone: 认证服务，负责 token 的签发。',
      '注意：重启前先执行 `ceph osd set noout`。',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['inline-code', 'kubectl'],
      ['inline-code', 'ceph osd set noout'],
    ]);
  });
});

describe('region lookup', () => {
  it('answers like insideRegion, kind by kind', () => {
    const text = 'Intro `x`\n```bash\nls -la\n```\n# Title\nbody';
    const regions = markRegions(text);
    const index = indexRegions(regions);
    for (let start = 0; start < text.length; start += 1) {
      for (const kinds of [undefined, ['code'], ['heading', 'inline-code']] as const) {
        expect(index.inside(start, start + 1, kinds)).toBe(insideRegion(regions, start, start + 1, kinds));
      }
    }
  });
});

describe('plain-text notebooks and HTML blocks', () => {
  it('marks an HTML <pre> block as code with its commands, and the tags as markup', () => {
    const text = '安装：\n<pre>\nyum install -y ceph\nceph -s\n</pre>\n完成。';
    expect(rows(text)).toEqual([
      ['markup', '<pre>'],
      ['code', 'yum install -y ceph\nceph -s'],
      ['command', 'yum install -y ceph'],
      ['command', 'ceph -s'],
      ['markup', '</pre>'],
    ]);
  });

  it('closes a <pre> block on the line that ends with </pre>, and marks no prose after it', () => {
    const text = '<pre>\nping `hostname -s`</pre>\n7. 打开相应的端口，然后重启服务。';
    expect(kindsAt(text, 'ping')).toContain('code');
    expect(kindsAt(text, '打开相应的端口')).toEqual([]);
  });

  it('marks a command with no prompt and no flag on a line of its own, but not a phrase of a sentence', () => {
    expect(commands('查看集群：\nceph osd tree\n然后看 PG 的状态。')).toEqual([['ceph osd tree', 'ceph']]);
    expect(commands('A note to self.\nmemory leak in the agent\nFixed it later.')).toEqual([]);
  });

  it('marks the command after a label and a colon in a Chinese line, and leaves the label prose', () => {
    const text = '查看流表：ovs-ofctl dump-flows br0';
    expect(commands(text)).toEqual([['ovs-ofctl dump-flows br0', 'ovs-ofctl']]);
    expect(kindsAt(text, '查看流表')).toEqual([]);
  });

  it('marks one line of code between two sentences', () => {
    const text = '这样定义一个类：\nclass FruitPlatter {\n然后实现它的方法。';
    expect(kindsAt(text, 'class FruitPlatter {')).toContain('code');
  });

  it('reads headings of different levels one under another as headings, and an ideographic space after the hashes', () => {
    const text = '# [GlusterFS](http://example.org/gluster)\n## 理论基础\n### 分布式文件系统出现\n计算机通过文件系统管理数据。\n\n##　手动构建\n\n正文。';
    expect(markRegions(text).filter((region) => region.kind === 'heading').map((region) => text.slice(region.start, region.end))).toEqual([
      '# [GlusterFS](http://example.org/gluster)',
      '## 理论基础',
      '### 分布式文件系统出现',
      '##　手动构建',
    ]);
  });

  it('reads no bare command in a fence labelled with a language: there a line is a statement', () => {
    expect(commands('```sql\nalter table users add column age int\n```')).toEqual([]);
    expect(commands('```\nalter table users add column age int\n```')).toEqual([['alter table users add column age int', 'alter']]);
  });
});
