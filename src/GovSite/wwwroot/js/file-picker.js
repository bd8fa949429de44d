// File inputs in Chinese whatever the browser's language: the native control says "Choose file /
// No file chosen" in the browser's own language, so the input is laid, transparent, over a Chinese
// button and status. The input itself keeps its label, focus and keyboard use; the face is hidden
// from screen readers, which announce the input as it is.
(function () {
    function enhance(input) {
        if (input.getAttribute('data-picker')) { return; }
        input.setAttribute('data-picker', 'on');
        var wrap = document.createElement('span');
        wrap.className = 'file-picker';
        var face = document.createElement('span');
        face.className = 'file-picker-face';
        face.setAttribute('aria-hidden', 'true');
        var button = document.createElement('span');
        button.className = 'file-picker-button';
        button.textContent = input.multiple ? '选择文件（可多选）' : '选择文件';
        var status = document.createElement('span');
        status.className = 'file-picker-status';
        face.appendChild(button);
        face.appendChild(status);
        input.parentNode.insertBefore(wrap, input);
        wrap.appendChild(input);
        wrap.appendChild(face);
        function update() {
            var files = input.files;
            status.textContent = !files || files.length === 0 ? '未选择文件' : files.length === 1 ? files[0].name : '已选择 ' + files.length + ' 个文件';
        }
        input.addEventListener('change', update);
        update();
    }
    function all() { document.querySelectorAll('input[type=file]').forEach(enhance); }
    if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', all); } else { all(); }
})();
