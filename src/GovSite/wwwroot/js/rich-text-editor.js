// Turns a <textarea> into a Quill editor (see Admin/_RichTextEditor.cshtml). The textarea stays
// the form field: the editor writes its HTML back on submit, so the page works without script.
(function () {
  'use strict';

  var names = {
    bold: '加粗（Ctrl+B）', italic: '斜体（Ctrl+I）', underline: '下划线（Ctrl+U）', strike: '删除线',
    blockquote: '引用', link: '插入链接', image: '插入图片', clean: '清除格式',
    'list:ordered': '编号列表', 'list:bullet': '项目符号列表',
  };
  var pickerNames = { header: '段落格式', align: '对齐方式' };
  var itemNames = {
    header: { '': '正文', '2': '二级标题', '3': '三级标题', '4': '四级标题' },
    align: { '': '左对齐', center: '居中', right: '右对齐', justify: '两端对齐' },
  };

  function problemText(body) {
    if (body && body.errors) {
      for (var key in body.errors) {
        if (body.errors[key] && body.errors[key].length) { return body.errors[key][0]; }
      }
    }
    return (body && (body.detail || body.title)) || '上传失败，请稍后重试';
  }

  function enhance(mount) {
    var textarea = document.getElementById(mount.getAttribute('data-rich-text-for'));
    if (!textarea || !window.Quill || textarea.getAttribute('data-rich-text') === 'on') { return; }
    textarea.setAttribute('data-rich-text', 'on');
    var form = textarea.form;
    var uploadUrl = mount.getAttribute('data-upload-url');
    var label = document.querySelector('label[for="' + textarea.id + '"]');
    if (label && !label.id) { label.id = textarea.id + '-label'; }

    var wrapper = document.createElement('div');
    wrapper.className = 'rte';
    var box = document.createElement('div');
    wrapper.appendChild(box);
    textarea.parentNode.insertBefore(wrapper, textarea);

    var status = document.createElement('p');
    status.className = 'rte-status';
    status.setAttribute('role', 'status');
    var toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'rte-source';
    toggle.textContent = 'HTML 源代码';
    toggle.setAttribute('aria-pressed', 'false');
    textarea.parentNode.insertBefore(toggle, wrapper);
    textarea.parentNode.insertBefore(status, textarea.nextSibling);

    function say(text) { status.textContent = text; }

    var quill = new window.Quill(box, {
      theme: 'snow',
      modules: {
        toolbar: {
          container: [
            [{ header: [2, 3, 4, false] }],
            ['bold', 'italic', 'underline', 'strike'],
            [{ list: 'ordered' }, { list: 'bullet' }],
            [{ align: [] }],
            ['blockquote', 'link', 'image'],
            ['clean'],
          ],
          handlers: { image: pickImage },
        },
        // Tab moves focus out of the editor as everywhere else on the page (WCAG 2.1.2).
        keyboard: {
          bindings: { tab: null, indent: null, outdent: null, 'remove tab': null, 'indent code-block': null, 'outdent code-block': null },
        },
      },
    });
    // Quill keeps the text of elements it does not know; a pasted script's code is not content.
    var Delta = window.Quill.import('delta');
    ['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'SVG'].forEach(function (tag) {
      quill.clipboard.addMatcher(tag, function () { return new Delta(); });
    });
    var toolbar = wrapper.querySelector('.ql-toolbar');
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', '正文格式');
    Array.prototype.forEach.call(toolbar.querySelectorAll('button'), function (b) {
      var format = (b.className.match(/ql-(\w+)/) || [])[1];
      var key = b.value ? format + ':' + b.value : format;
      b.setAttribute('aria-label', names[key] || names[format] || format);
    });
    Array.prototype.forEach.call(toolbar.querySelectorAll('.ql-picker'), function (p) {
      var format = (p.className.match(/ql-(header|align)/) || [])[1];
      if (!format) { return; }
      var current = p.querySelector('.ql-picker-label');
      current.setAttribute('aria-label', pickerNames[format]);
      Array.prototype.forEach.call(p.querySelectorAll('.ql-picker-item'), function (item) {
        item.setAttribute('aria-label', itemNames[format][item.getAttribute('data-value') || ''] || '');
      });
    });
    var linkInput = wrapper.querySelector('.ql-tooltip input');
    if (linkInput) { linkInput.setAttribute('aria-label', '链接地址'); }

    var editor = quill.root;
    editor.setAttribute('role', 'textbox');
    editor.setAttribute('aria-multiline', 'true');
    if (label) { editor.setAttribute('aria-labelledby', label.id); }
    ['aria-describedby', 'aria-invalid', 'aria-required'].forEach(function (a) {
      if (textarea.hasAttribute(a)) { editor.setAttribute(a, textarea.getAttribute(a)); }
    });
    if (textarea.classList.contains('input-validation-error')) { editor.setAttribute('aria-invalid', 'true'); }
    if (label) {
      label.addEventListener('click', function (e) {
        if (!source) { e.preventDefault(); quill.focus(); }
      });
    }

    function load(html) {
      quill.setContents([], 'silent');
      if (html) { quill.clipboard.dangerouslyPasteHTML(0, html, 'silent'); }
      quill.history.clear();
    }

    function html() {
      if (quill.getText().trim() === '' && !editor.querySelector('img')) { return ''; }
      // Quill 2.0 writes every space as &nbsp; in its semantic HTML.
      return quill.getSemanticHTML().replace(/&nbsp;/g, ' ');
    }

    var source = false;
    function showSource(on) {
      source = on;
      if (on) { textarea.value = html(); } else { load(textarea.value); }
      textarea.hidden = !on;
      wrapper.hidden = on;
      toggle.setAttribute('aria-pressed', on ? 'true' : 'false');
      (on ? textarea : quill).focus();
    }
    toggle.addEventListener('click', function () { showSource(!source); });

    load(textarea.value);
    textarea.hidden = true;
    mount.hidden = true;
    if (form) {
      form.addEventListener('submit', function () { if (!source) { textarea.value = html(); } });
    }

    function pickImage() {
      var input = document.createElement('input');
      input.type = 'file';
      input.accept = 'image/png,image/jpeg,image/gif,image/webp,image/bmp';
      input.addEventListener('change', function () {
        if (input.files && input.files[0]) { upload(input.files[0]); }
      });
      input.click();
    }

    function upload(file) {
      var range = quill.getSelection(true);
      var data = new FormData();
      data.append('file', file);
      var token = form && form.querySelector('input[name="__RequestVerificationToken"]');
      if (token) { data.append('__RequestVerificationToken', token.value); }
      say('正在上传图片“' + file.name + '”……');
      fetch(uploadUrl, { method: 'POST', body: data, credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }, function () { return { ok: false, body: null }; }); })
        .then(function (res) {
          if (!res.ok) { say(problemText(res.body)); return; }
          if (res.body.contentType.indexOf('image/') !== 0) { say('这里只能插入图片；其他文件请作为附件上传'); return; }
          var alt = window.prompt('请填写图片的替代文字（供读屏软件朗读，说明图片内容）', res.body.name.replace(/\.[^.]+$/, ''));
          quill.insertEmbed(range.index, 'image', res.body.url, 'user');
          if (alt) { quill.formatText(range.index, 1, 'alt', alt, 'user'); }
          quill.setSelection(range.index + 1, 0, 'user');
          say('图片已插入');
        })
        .catch(function () { say('上传失败，请检查网络后重试'); });
    }
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-rich-text-for]'), enhance);
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
