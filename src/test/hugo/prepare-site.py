#!/usr/bin/env python3
"""Prepares a copy of a real Hugo site for Debian's hugo 0.111 to build as the oracle of
RealSiteComparison (docs/hugo.md): layouts and themes replaced by the oracle's templates (each
page prints its source file, address, kind and language), shortcodes stubbed ({{ .Inner }} for
those used with a closing tag, empty otherwise), module imports dropped (no network), outputs and
output formats dropped (custom ones break 0.111), and the keys current Hugo reads under newer
names written as 0.111 reads them: build -> _build (front matter and cascades), cascade target ->
_target, a mount's sites.matrix.languages -> lang, a mount's files -> includeFiles/excludeFiles.
Config files are rewritten as YAML. With --no-fallback-mounts, mounts of one language's folder
into another language (0.111 gives such a file to one language only) are dropped.

Usage: prepare-site.py SRC DST [--no-fallback-mounts]
Needs Python 3.11+ and PyYAML. The source is never changed."""
import os
import re
import shutil
import sys
import tomllib

import yaml

LAYOUT = ("{{ with .File }}SITESEARCH-ORACLE|{{ .Filename }}|{{ $.RelPermalink }}|{{ $.Permalink }}"
          "|{{ $.Kind }}|{{ $.Lang }}|{{ end }}\n")
SHORTCODE = re.compile(r'\{\{[<%]\s*(/?)\s*([\w./-]+)')
FRONT_MATTER = re.compile(r'(\ufeff?(---|\+\+\+)\s*\n)(.*?\n)(\2\s*\n)', re.S)


def copy(src, dst):
    if os.path.exists(dst):
        shutil.rmtree(dst)

    def ignore(d, names):
        top = os.path.abspath(d) == os.path.abspath(src)
        return [n for n in names
                if n in ('.git', 'node_modules') or (top and n in ('public', 'resources', 'layouts', 'themes'))]

    shutil.copytree(src, dst, symlinks=True, ignore=ignore)
    for name in ('go.mod', 'go.sum', 'hugo.work'):
        if os.path.exists(os.path.join(dst, name)):
            os.remove(os.path.join(dst, name))


def layouts(dst):
    os.makedirs(os.path.join(dst, 'layouts/_default'))
    for name in ('single.html', 'list.html'):
        with open(os.path.join(dst, 'layouts/_default', name), 'w') as f:
            f.write(LAYOUT)
    names, closing = set(), set()
    for root, _, files in os.walk(dst):
        for f in files:
            if f.endswith(('.md', '.markdown', '.mdown', '.html')):
                try:
                    text = open(os.path.join(root, f), encoding='utf-8').read()
                except (UnicodeDecodeError, OSError):
                    continue
                for slash, name in SHORTCODE.findall(text):
                    names.add(name)
                    if slash:
                        closing.add(name)
    for name in names:
        path = os.path.join(dst, 'layouts/shortcodes', name + '.html')
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w') as f:
            f.write('{{ .Inner }}' if name in closing else '')
    return len(names)


def old_front_matter(text):
    text = re.sub(r'(?m)^(\s*)build(\s*[:=])', r'\1_build\2', text)
    text = re.sub(r'(?m)^(\s*-?\s*)target(\s*[:=])', r'\1_target\2', text)
    text = re.sub(r'(?m)^(\s*)\[(\[?)cascade\.build\]', r'\1[\2cascade._build]', text)
    text = re.sub(r'(?m)^(\s*)\[cascade\.target\]', r'\1[cascade._target]', text)
    return re.sub(r'(?m)^(\s*)\[build\]', r'\1[_build]', text)


def content(dst):
    for root, _, files in os.walk(dst):
        if os.sep + 'layouts' in root:
            continue
        for f in files:
            if not f.endswith(('.md', '.markdown', '.mdown')):
                continue
            path = os.path.join(root, f)
            try:
                text = open(path, encoding='utf-8').read()
            except (UnicodeDecodeError, OSError):
                continue
            m = FRONT_MATTER.match(text)
            if m:
                with open(path, 'w', encoding='utf-8') as out:
                    out.write(text[:m.start(3)] + old_front_matter(m.group(3)) + text[m.end(3):])


def old_cascade(c):
    c = dict(c)
    if 'build' in c:
        c['_build'] = c.pop('build')
    if 'target' in c:
        target = dict(c.pop('target'))
        sites = target.pop('sites', None)
        if sites:
            target['lang'] = sites['matrix']['languages'][0]
        c['_target'] = target
    return c


def old_mounts(mounts, no_fallback):
    out = []
    for m in mounts:
        m = dict(m)
        sites = m.pop('sites', None)
        if sites:
            m['lang'] = sites['matrix']['languages'][0]
        files = m.pop('files', None)
        if files:
            excludes = [g[1:].strip() for g in files if g.startswith('!')]
            includes = [g for g in files if not g.startswith('!')]
            if excludes:
                m['excludeFiles'] = excludes
            if includes:
                m['includeFiles'] = includes
        source = str(m.get('source', ''))
        own = re.match(r'content/([^/]+)', source)
        if no_fallback and own and m.get('lang') and own.group(1) != m['lang'] and m['target'].startswith('content'):
            continue
        out.append(m)
    return out


def config(dst, no_fallback):
    files = [os.path.join(dst, n) for n in os.listdir(dst)
             if re.fullmatch(r'(hugo|config)\.(toml|ya?ml|json)', n)]
    for d in ('config/_default', 'config/production'):
        if os.path.isdir(os.path.join(dst, d)):
            files += [os.path.join(dst, d, n) for n in os.listdir(os.path.join(dst, d))]
    for path in files:
        base, ext = os.path.splitext(path)
        if ext == '.toml':
            data = tomllib.load(open(path, 'rb'))
        elif ext in ('.yaml', '.yml', '.json'):
            data = yaml.safe_load(open(path, encoding='utf-8')) or {}
        else:
            continue
        name = os.path.basename(base)
        if name.endswith('-template'):  # OpenTelemetry's module-template.yaml: its module.yaml is generated
            os.remove(path)
            continue
        top = data if name in ('hugo', 'config') else {name: data}
        for key in ('theme', 'outputs', 'outputformats', 'outputFormats', 'mediaTypes', 'mediatypes'):
            top.pop(key, None)
        if 'cascade' in top:
            cascades = top['cascade'] if isinstance(top['cascade'], list) else [top['cascade']]
            top['cascade'] = [old_cascade(c) for c in cascades if 'outputs' not in c]
        module = top.get('module')
        if isinstance(module, dict):
            for key in ('imports', 'proxy', 'hugoVersion'):
                module.pop(key, None)
            if 'mounts' in module:
                module['mounts'] = old_mounts(module['mounts'], no_fallback)
        os.remove(path)
        out = top if name in ('hugo', 'config') else top[name]
        with open(base + '.yaml', 'w', encoding='utf-8') as f:
            yaml.safe_dump(out, f, sort_keys=False, allow_unicode=True)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if len(args) != 2:
        sys.exit(__doc__)
    src, dst = args
    copy(src, dst)
    stubs = layouts(dst)
    content(dst)
    config(dst, '--no-fallback-mounts' in sys.argv)
    print(f'{dst}: ready for hugo 0.111 ({stubs} shortcodes stubbed)')


main()
