//! A small arena DOM that html5ever builds: nodes in one `Vec`, children as index lists,
//! only the attributes the text walker and the metadata reader look at, and text kept only
//! where it can be seen (or is JSON-LD).
//!
//! html5ever does the HTML5 tree construction (implied end tags, misnested formatting,
//! foster parenting, raw-text elements) exactly as browsers do; this sink only stores it.

use std::borrow::Cow;
use std::cell::RefCell;

use html5ever::interface::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{local_name, ns, Attribute, LocalName, Namespace, ParseOpts, QualName};

/// Index of a node in [`Dom::nodes`].
pub type NodeId = u32;

/// The document node.
pub const DOCUMENT: NodeId = 0;

/// One node of the tree.
#[derive(Debug)]
pub struct Node {
    /// Children in document order.
    pub children: Vec<NodeId>,
    /// The parent, `None` for the document, detached nodes and template contents.
    pub parent: Option<NodeId>,
    /// What the node is.
    pub data: NodeData,
}

/// What a node is.
#[derive(Debug)]
pub enum NodeData {
    /// The document root.
    Document,
    /// An element with the attributes claimex reads.
    Element(Element),
    /// Text (adjacent text nodes are merged, as a DOM does).
    Text(StrTendril),
    /// A comment, doctype, processing instruction or template contents: never text.
    Other,
}

/// An element: its name and the attributes claimex reads (the others are dropped).
#[derive(Debug)]
pub struct Element {
    /// The qualified name (html5ever lower-cases HTML names).
    pub name: QualName,
    /// `(name, value)` of the kept attributes.
    pub attrs: Vec<(LocalName, StrTendril)>,
}

impl Element {
    /// The value of an attribute.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, v)| &**v)
    }
}

/// Attributes that matter for the text (hidden, style, class, id), links (href), and page
/// metadata (meta, link, script, html lang).
fn kept(name: &LocalName) -> bool {
    matches!(
        &**name,
        "class"
            | "id"
            | "style"
            | "hidden"
            | "href"
            | "rel"
            | "name"
            | "property"
            | "content"
            | "itemprop"
            | "type"
            | "charset"
            | "http-equiv"
            | "datetime"
            | "lang"
            | "role"
    )
}

/// A parsed page.
#[derive(Debug)]
pub struct Dom {
    /// All nodes; [`DOCUMENT`] is the root.
    pub nodes: Vec<Node>,
}

impl Dom {
    /// Parses a page (HTML5 tree construction, as a browser does).
    ///
    /// ```
    /// use claimex::crawl::dom::{Dom, NodeData};
    /// let dom = Dom::parse("<p>One<p>Two");
    /// let ps = dom.nodes.iter().filter(|n| matches!(&n.data, NodeData::Element(e) if &*e.name.local == "p"));
    /// assert_eq!(ps.count(), 2);
    /// ```
    pub fn parse(html: &str) -> Dom {
        let html = flatten_deep(html, MAX_DEPTH);
        let sink = Sink::default();
        let opts = ParseOpts::default();
        html5ever::parse_document(sink, opts).one(StrTendril::from_slice(&html))
    }

    /// The element of a node, if it is one.
    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes.get(id as usize)?.data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }
}

/// Deepest element nesting kept, as in Chromium's parser (`kMaximumHTMLParserDOMTreeDepth`).
pub const MAX_DEPTH: usize = 512;

/// Elements whose end tag pages usually leave out (the parser closes them itself): they do
/// not deepen the estimate.
fn end_optional(name: &[u8]) -> bool {
    matches!(
        name,
        b"p" | b"li"
            | b"dt"
            | b"dd"
            | b"option"
            | b"optgroup"
            | b"tr"
            | b"td"
            | b"th"
            | b"thead"
            | b"tbody"
            | b"tfoot"
            | b"colgroup"
            | b"caption"
            | b"rb"
            | b"rt"
            | b"rp"
            | b"rtc"
            | b"html"
            | b"head"
            | b"body"
    )
}

fn void(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"source"
            | b"track"
            | b"wbr"
            | b"param"
            | b"keygen"
            | b"frame"
            | b"basefont"
            | b"bgsound"
            | b"image"
    )
}

/// Drops the tags of elements nested deeper than `limit` (their text stays).
///
/// The HTML5 tree builder looks down the stack of open elements for most start tags, so
/// its time grows with depth × tags: 50,000 nested `<div>`s take seconds. Browsers cap the
/// depth (Chromium at 512); so does claimex, with a cheap scan that estimates the depth from
/// start and end tags. Pages under the cap are passed on unchanged.
///
/// ```
/// use claimex::crawl::dom::flatten_deep;
/// assert_eq!(flatten_deep("<div><div><b>x</b></div></div>", 2), "<div><div>x</div></div>");
/// assert!(matches!(flatten_deep("<p>a<p>b", 1), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn flatten_deep(html: &str, limit: usize) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut depth = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let mut i = 0usize;
    while let Some(j) = memchr::memchr(b'<', &b[i..]) {
        let start = i + j;
        let rest = &b[start..];
        if rest.starts_with(b"<!--") {
            i = memchr::memmem::find(&rest[4..], b"-->").map_or(b.len(), |k| start + 4 + k + 3);
            continue;
        }
        let Some(gt) = memchr::memchr(b'>', rest) else {
            break;
        };
        let end = start + gt + 1;
        let closing = rest.get(1) == Some(&b'/');
        let name_start = if closing { 2 } else { 1 };
        let name_len = rest[name_start..gt]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric())
            .unwrap_or(gt - name_start);
        let name: Vec<u8> = rest[name_start..name_start + name_len]
            .iter()
            .map(u8::to_ascii_lowercase)
            .collect();
        i = end;
        if name.is_empty() || end_optional(&name) || void(&name) {
            continue;
        }
        // Raw text: skip to the end tag, whose name the scan must not count.
        if !closing
            && matches!(
                &name[..],
                b"script" | b"style" | b"textarea" | b"title" | b"xmp"
            )
        {
            let close = [b"</".as_slice(), &name].concat();
            let lower_find = |from: usize| {
                b[from..]
                    .windows(close.len())
                    .position(|w| w.eq_ignore_ascii_case(&close))
                    .map(|k| from + k)
            };
            // Unclosed, it runs to the end of the page (as the parser reads it).
            i = lower_find(end).unwrap_or(b.len());
            continue;
        }
        let drop = if closing {
            let deep = depth > limit;
            depth = depth.saturating_sub(1);
            deep
        } else if rest[..gt].ends_with(b"/") {
            false
        } else {
            depth += 1;
            depth > limit
        };
        if drop {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..start]);
            copied = end;
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
    }
}

/// The html5ever tree sink behind [`Dom::parse`].
#[derive(Debug)]
struct Sink {
    nodes: RefCell<Vec<Node>>,
    /// Template element → its contents node.
    templates: RefCell<Vec<(NodeId, NodeId)>>,
}

impl Default for Sink {
    fn default() -> Sink {
        Sink {
            nodes: RefCell::new(vec![Node {
                children: Vec::new(),
                parent: None,
                data: NodeData::Document,
            }]),
            templates: RefCell::new(Vec::new()),
        }
    }
}

/// An element name handed back to the tree builder (owned: atoms are cheap to clone).
#[derive(Debug)]
pub struct Name(QualName);

impl ElemName for Name {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }
    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

impl Sink {
    fn push(&self, data: NodeData) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node {
            children: Vec::new(),
            parent: None,
            data,
        });
        (nodes.len() - 1) as NodeId
    }

    fn detach(nodes: &mut [Node], child: NodeId) {
        if let Some(p) = nodes[child as usize].parent.take() {
            nodes[p as usize].children.retain(|&c| c != child);
        }
    }

    /// Inserts `child` into `parent` at `pos` (merging text with the node before it).
    fn insert(&self, parent: NodeId, pos: Option<usize>, child: NodeOrText<NodeId>) {
        let mut nodes = self.nodes.borrow_mut();
        let len = nodes[parent as usize].children.len();
        let pos = pos.unwrap_or(len).min(len);
        match child {
            NodeOrText::AppendText(t) => {
                let before = pos
                    .checked_sub(1)
                    .map(|i| nodes[parent as usize].children[i]);
                if let Some(b) = before {
                    if let NodeData::Text(prev) = &mut nodes[b as usize].data {
                        prev.push_tendril(&t);
                        return;
                    }
                }
                nodes.push(Node {
                    children: Vec::new(),
                    parent: Some(parent),
                    data: NodeData::Text(t),
                });
                let id = (nodes.len() - 1) as NodeId;
                nodes[parent as usize].children.insert(pos, id);
            }
            NodeOrText::AppendNode(n) => {
                Sink::detach(&mut nodes, n);
                // Detaching may have shifted the position (same parent, earlier sibling).
                let len = nodes[parent as usize].children.len();
                nodes[n as usize].parent = Some(parent);
                nodes[parent as usize].children.insert(pos.min(len), n);
            }
        }
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Name;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Name {
        match &self.nodes.borrow()[*target as usize].data {
            NodeData::Element(e) => Name(e.name.clone()),
            // The tree builder only asks for elements; a name that matches nothing is safe.
            _ => Name(QualName::new(None, ns!(), local_name!(""))),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let attrs = attrs
            .into_iter()
            .filter(|a| a.name.ns == ns!() && kept(&a.name.local))
            .map(|a| (a.name.local, a.value))
            .collect();
        let id = self.push(NodeData::Element(Element { name, attrs }));
        if flags.template {
            let contents = self.push(NodeData::Other);
            self.templates.borrow_mut().push((id, contents));
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(NodeData::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(NodeData::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.insert(*parent, None, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.nodes.borrow()[*element as usize].parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        let found = self
            .templates
            .borrow()
            .iter()
            .find(|(t, _)| t == target)
            .map(|(_, c)| *c);
        // Only called for templates; an unknown one gets a fresh, unattached node.
        found.unwrap_or_else(|| self.push(NodeData::Other))
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let (parent, pos) = {
            let nodes = self.nodes.borrow();
            let Some(parent) = nodes[*sibling as usize].parent else {
                return;
            };
            let pos = nodes[parent as usize]
                .children
                .iter()
                .position(|c| c == sibling);
            (parent, pos)
        };
        if let NodeOrText::AppendNode(n) = &new_node {
            // Moving a node that sits before the sibling in the same parent shifts the index.
            let mut nodes = self.nodes.borrow_mut();
            Sink::detach(&mut nodes, *n);
            let pos = nodes[parent as usize]
                .children
                .iter()
                .position(|c| c == sibling);
            drop(nodes);
            self.insert(parent, pos, new_node);
            return;
        }
        self.insert(parent, pos, new_node);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let NodeData::Element(e) = &mut nodes[*target as usize].data {
            for a in attrs {
                if a.name.ns == ns!()
                    && kept(&a.name.local)
                    && !e.attrs.iter().any(|(n, _)| *n == a.name.local)
                {
                    e.attrs.push((a.name.local, a.value));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        Sink::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        let kids = std::mem::take(&mut nodes[*node as usize].children);
        for &k in &kids {
            nodes[k as usize].parent = Some(*new_parent);
        }
        nodes[*new_parent as usize].children.extend(kids);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dom: &Dom, id: NodeId) -> Vec<String> {
        dom.nodes[id as usize]
            .children
            .iter()
            .map(|&c| match &dom.nodes[c as usize].data {
                NodeData::Element(e) => e.name.local.to_string(),
                NodeData::Text(t) => format!("#{t}"),
                _ => "?".into(),
            })
            .collect()
    }

    #[test]
    fn misnested_formatting_is_rebuilt_as_browsers_do() {
        // The adoption agency moves nodes around: every node keeps one parent.
        let dom = Dom::parse("<p>a<b>b<i>c</b>d</i>e</p><table><tr><td>x</td></tr>y</table>");
        for (i, n) in dom.nodes.iter().enumerate() {
            for &c in &n.children {
                assert_eq!(dom.nodes[c as usize].parent, Some(i as NodeId));
            }
        }
        // Foster parenting: the stray text goes before the table.
        let body = dom
            .nodes
            .iter()
            .position(|n| matches!(&n.data, NodeData::Element(e) if &*e.name.local == "body"))
            .unwrap();
        assert_eq!(names(&dom, body as NodeId), ["p", "#y", "table"]);
    }

    #[test]
    fn only_read_attributes_are_kept() {
        let dom = Dom::parse("<div class=a data-x=1 style='display:none' onclick=f()>t</div>");
        let e = dom
            .nodes
            .iter()
            .find_map(|n| match &n.data {
                NodeData::Element(e) if &*e.name.local == "div" => Some(e),
                _ => None,
            })
            .unwrap();
        assert_eq!(e.attr("class"), Some("a"));
        assert_eq!(e.attr("style"), Some("display:none"));
        assert_eq!(e.attrs.len(), 2);
    }
}
